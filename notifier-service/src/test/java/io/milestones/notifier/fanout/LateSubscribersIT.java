package io.milestones.notifier.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.milestones.events.CloudEvent;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.TeacherContact;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notifier starts behind on registrations: the milestone is fanned out before the subscriber
 * listener has read a single registration. Every teacher who registered before the milestone still
 * gets it once, the crossing teacher their personal note, and a teacher who registered after it
 * nothing.
 */
@Tag("database")
@SpringBootTest(
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            "milestones.mail.rate-per-second=0",
            // every listener is started by the test: the subscriber listener last
            "spring.kafka.listener.auto-startup=false",
            "server.port=0",
        })
class LateSubscribersIT {

    static final int BEFORE = 30;
    static final Instant REACHED = Instant.parse("2021-12-03T10:15:30Z");

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                    .withConfiguration(
                            GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        db.register(registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldReachEverySubscriberWhoRegisteredBeforeTheMilestoneWhenTheNotifierIsBehind()
            throws Exception {
        String bootstrap = kafka.bootstrapServers();
        // created by the application as it started: its partitions must have leaders first
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTestClients.writable(bootstrap, Topics.TEACHER_CONTACTS));
        try (var producer = producer(bootstrap)) {
            for (int i = 1; i <= BEFORE; i++) {
                // registered in the minute before the crossing; t-30 crossed it
                contact(producer, "t-" + i, REACHED.minusSeconds(BEFORE - i));
            }
            contact(producer, "t-late", REACHED.plusSeconds(1));
            producer.flush();
        }
        listeners.getListenerContainers().stream()
                .filter(c -> !"notifier-subscribers".equals(c.getListenerId()))
                .forEach(c -> c.start());
        var milestone =
                new MilestoneReached(
                        Scope.country("PL").milestoneId(BEFORE),
                        Scope.country("PL"),
                        BEFORE,
                        BEFORE,
                        REACHED,
                        REACHED.plusSeconds(1),
                        new CrossedBy("t-" + BEFORE, "PL", null));
        NotifierTestKit.publishMilestone(bootstrap, milestone);
        // fanned out while the notifier knew none of them
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                jdbc.queryForObject(
                                                "select count(*) from fan_outs where milestone_id"
                                                        + " = ?",
                                                Integer.class,
                                                milestone.milestoneId())
                                        == 1);
        assertThat(jdbc.queryForObject("select count(*) from subscriptions", Integer.class))
                .isZero();

        listeners.getListenerContainer("notifier-subscribers").start();

        Map<String, Long> expected = new TreeMap<>();
        for (int i = 1; i <= BEFORE; i++) {
            expected.put("t-" + i + "@school.example", 1L);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(mailsPerAddress()).isEqualTo(expected));
        // settled: no second copy, nothing for the teacher who registered after the milestone
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mailsPerAddress()).isEqualTo(expected));
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from subscriptions where teacher_id = 't-late'",
                                Integer.class))
                .isOne();
    }

    private static Map<String, Long> mailsPerAddress() {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(NotifierTestKit::to)
                .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
    }

    private static void contact(
            KafkaProducer<String, byte[]> producer, String teacherId, Instant registeredAt) {
        var contact = NotifierTestKit.teacher(teacherId, "PL", "pl", true);
        var record =
                new ProducerRecord<>(
                        Topics.TEACHER_CONTACTS,
                        teacherId,
                        EventJson.write((TeacherContact) contact));
        new CloudEvent("c-" + teacherId, "/test", EventType.TEACHER_CONTACT, registeredAt)
                .writeTo(record.headers());
        producer.send(record);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
