package io.milestones.notifier.subscription;

import static io.milestones.notifier.testing.NotifierTestKit.teacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.Consents;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.Topics;
import io.milestones.notifier.testing.NotifierTestKit;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Registrations, redeliveries, erasures and re-registrations of several teachers, all on the topics
 * before the subscriber listener starts, so that they arrive in one poll (or a few): the
 * subscriptions and names at the end are exactly those of the records applied one at a time.
 */
@Tag("database")
@SpringBootTest(
        properties = {
            "spring.config.name=notifier-service",
            "milestones.subscriptions.token-secret=" + NotifierTestKit.TOKEN_SECRET,
            // started by the test once every record is on the topics
            "spring.kafka.listener.auto-startup=false",
            "server.port=0",
        })
class SubscriberIngestionIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldLeaveExactlyTheSubscriptionsOfTheRecordsInTheirOrderWhenABatchMixesThem()
            throws Exception {
        // an address that subscribed on its own (pending, German, Germany) before its teacher
        UUID own = UUID.randomUUID();
        Timestamp then = Timestamp.from(Instant.parse("2021-11-01T00:00:00Z"));
        jdbc.update(
                "insert into subscriptions (id, email, language, status, teacher_id, created_at)"
                        + " values (?, 'e@school.example', 'de', 'PENDING', null, ?)",
                own,
                then);
        jdbc.update(
                "insert into subscription_scopes (subscription_id, scope) values (?, 'country:DE')",
                own);

        String bootstrap = kafka.bootstrapServers();
        TeacherContact a = teacher("a", "IT", "it", true);
        TeacherContact b = teacher("b", "ES", "es", true, true);
        TeacherContact c = teacher("c", "PL", "pl", true);
        TeacherContact cAgain = teacher("c", "FR", "fr", true);
        var d =
                new TeacherContact(
                        "d", "GR", "el", "Teacher d", "d@school.example", Consents.none());
        TeacherContact e = teacher("e", "PL", "pl", true);
        var contacts = Topics.TEACHER_CONTACTS;
        var registrations = Topics.REGISTRATIONS;
        NotifierTestKit.publish(bootstrap, contacts, List.of(a, b, c, d, e, a)); // a redelivered
        NotifierTestKit.publish(
                bootstrap,
                registrations,
                List.of(
                        new TeacherErased("b", Instant.now()),
                        new TeacherErased("c", Instant.now()),
                        new TeacherErased("f", Instant.now()))); // f: never registered
        NotifierTestKit.publishTombstone(bootstrap, contacts, "b");
        NotifierTestKit.publishTombstone(bootstrap, contacts, "c");
        // c registers again after its erasure: its TeacherErased on registrations-v2 may be read
        // before or after this, and must not erase it
        NotifierTestKit.publish(bootstrap, contacts, List.of(cAgain, a)); // a redelivered
        publishRaw(bootstrap, contacts, "g", "{not json"); // a poison record between them

        listeners.getListenerContainer("notifier-subscribers").start();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                KafkaTestClients.committedOffset(
                                                        bootstrap, "notifier-subscribers", contacts)
                                                == KafkaTestClients.endOffset(bootstrap, contacts)
                                        && KafkaTestClients.committedOffset(
                                                        bootstrap,
                                                        "notifier-subscribers",
                                                        registrations)
                                                == KafkaTestClients.endOffset(
                                                        bootstrap, registrations));

        assertThat(subscriptions())
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.of(
                                        "a@school.example", "a it CONFIRMED [country:IT, global]",
                                        "c@school.example", "c fr CONFIRMED [country:FR, global]",
                                        // the teacher's own address, now theirs and confirmed
                                        "e@school.example",
                                                "e pl CONFIRMED [country:DE, country:PL, global]")));
        assertThat(
                        jdbc.queryForObject(
                                "select id from subscriptions where email = 'e@school.example'",
                                UUID.class))
                .isEqualTo(own);
        assertThat(
                        jdbc.queryForList(
                                "select teacher_id || ' ' || display_name from teacher_names"
                                        + " order by teacher_id",
                                String.class))
                .containsExactly("a Teacher a", "c Teacher c", "d Teacher d", "e Teacher e");
        assertThat(KafkaTestClients.readCommitted(bootstrap, Topics.deadLetter(contacts)))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("g"));
        // several threads (milestones.subscribers.concurrency, 3 by default), each with the same
        // partition numbers of both topics: one teacher's records are read by one thread
        var threads =
                ((ConcurrentMessageListenerContainer<?, ?>)
                                listeners.getListenerContainer("notifier-subscribers"))
                        .getContainers();
        assertThat(threads).hasSize(3);
        // the group may still be rebalancing after the first member read everything: wait until
        // every thread holds its share before looking at the pairs
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                threads.stream()
                                        .allMatch(
                                                t ->
                                                        t.getAssignedPartitions() != null
                                                                && t
                                                                                .getAssignedPartitions()
                                                                                .stream()
                                                                                .map(
                                                                                        tp ->
                                                                                                tp
                                                                                                        .topic())
                                                                                .distinct()
                                                                                .count()
                                                                        == 2));
        for (var thread : threads) {
            Map<String, Set<Integer>> partitions = new TreeMap<>();
            thread.getAssignedPartitions()
                    .forEach(
                            tp ->
                                    partitions
                                            .computeIfAbsent(tp.topic(), t -> new TreeSet<>())
                                            .add(tp.partition()));
            assertThat(partitions.get(contacts))
                    .isNotEmpty()
                    .isEqualTo(partitions.get(registrations));
        }
    }

    /** email → "teacher language status [scopes]", sorted by address. */
    private Map<String, String> subscriptions() {
        Map<String, String> found = new TreeMap<>();
        jdbc.query(
                "select s.email, s.teacher_id, s.language, s.status, sc.scope from subscriptions s"
                        + " left join subscription_scopes sc on sc.subscription_id = s.id"
                        + " order by s.email, sc.scope",
                rs -> {
                    String email = rs.getString(1);
                    String head =
                            rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " [";
                    String scopes = found.getOrDefault(email, head);
                    found.put(email, scopes + (scopes.endsWith("[") ? "" : ", ") + rs.getString(5));
                });
        found.replaceAll((k, v) -> v + "]");
        return found;
    }

    private static void publishRaw(String bootstrap, String topic, String key, String value)
            throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
