package io.milestones.registration.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.RegistrationsV1Migration;
import io.milestones.events.Scope;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migration job on a real broker: a v1 {@code registrations} log with baselines, redeliveries,
 * erasures and a record without CloudEvents headers is copied to {@code registrations-v2} without a
 * name or an address, contacts go to {@code teacher-contacts} except the erased teachers', a named
 * milestone is re-published without the name, and the v1 topic is retired. (That counting the copy
 * changes no count and announces nothing again: milestone-service's MigrationTopologyTest, on the
 * same rule.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=registration-service")
class RegistrationsMigrationIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    static final Instant AT = Instant.parse("2021-11-20T09:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
        TestKeys.register(registry);
    }

    @LocalServerPort int port;

    @Test
    void shouldCopyTheV1LogWithoutPersonalDataHonourErasuresAnonymiseMilestonesAndRetireIt()
            throws Exception {
        var api = new Api(port);
        List<Object> v1Log = v1Log();
        writeV1Log(v1Log);
        assertThat(api.post(MigrationController.PATH, TestKeys.PLATFORM, "").statusCode())
                .isEqualTo(403);
        assertThat(api.delete(MigrationController.PATH + "/source", TestKeys.ADMIN).statusCode())
                .as("nothing copied yet: the v1 topic stays")
                .isEqualTo(409);

        var started = api.post(MigrationController.PATH, TestKeys.ADMIN, "");

        assertThat(started.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(api.get(MigrationController.PATH, TestKeys.ADMIN).body())
                                        .contains("\"state\":\"DONE\""));
        String status = api.get(MigrationController.PATH, TestKeys.ADMIN).body();
        int records = v1Log.size() + 2; // + the record without headers and the poison record
        assertThat(status)
                .contains("\"sourceRecords\":" + records)
                .contains("\"scanned\":" + records)
                .contains("\"copied\":" + records)
                .contains("\"registrations\":" + v1Log.size())
                .contains("\"erasures\":1")
                .contains("\"unreadable\":1")
                .contains("\"milestonesRepublished\":1");
        assertThat(api.post(MigrationController.PATH, TestKeys.ADMIN, "").statusCode())
                .as("done once")
                .isEqualTo(409);

        var copied = KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS);
        assertThat(copied).hasSize(v1Log.size() + 1);
        for (var record : copied) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain("@school.example")
                    .doesNotContain("Name of");
            var type = CloudEvent.readFrom(record.headers()).type();
            assertThat(type).isIn(EventType.TEACHER_REGISTERED, EventType.TEACHER_ERASED);
        }
        assertThat(distinctRegistered(copied))
                .as("the same teachers, the same countries and baselines: the same counts")
                .isEqualTo(distinctRegisteredV1(v1Log));

        Map<String, TeacherContact> contacts = new TreeMap<>();
        for (var record :
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.TEACHER_CONTACTS)) {
            if (record.value() == null) {
                contacts.remove(record.key());
            } else {
                contacts.put(record.key(), EventJson.read(record.value(), TeacherContact.class));
            }
        }
        assertThat(contacts.keySet())
                .as("every teacher's contact but the erased one's")
                .containsExactly("b-1", "b-2", "b-3", "t-1", "t-3", "t-4", "t-plain");
        assertThat(contacts.get("t-1").email()).isEqualTo("t-1@school.example");
        assertThat(
                        KafkaTestClients.readCommitted(
                                        kafka.bootstrapServers(), Topics.TEACHER_CONTACTS)
                                .stream()
                                .filter(r -> r.key().equals("t-2") && r.value() != null))
                .as("the erased teacher's contact is never written, not even for a moment")
                .isEmpty();

        var milestones =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.MILESTONES);
        assertThat(milestones).hasSize(2);
        var republished = milestones.get(1);
        assertThat(republished.key()).isEqualTo("global:5");
        assertThat(republished.headers().lastHeader(RegistrationsV1Migration.REPUBLISHED_HEADER))
                .isNotNull();
        assertThat(CloudEvent.readFrom(republished.headers()).id())
                .isEqualTo(CloudEvent.readFrom(milestones.get(0).headers()).id());
        assertThat(EventJson.read(republished.value(), MilestoneReached.class).crossedBy())
                .isEqualTo(new CrossedBy("t-3", "PL", null));

        var retired = api.delete(MigrationController.PATH + "/source", TestKeys.ADMIN);

        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(retired.body()).contains("\"state\":\"RETIRED\"");
        try (var admin = admin()) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(admin.listTopics().names().get())
                                            .doesNotContain(Topics.REGISTRATIONS_V1));
        }
    }

    /** Baselines, live registrations, two redeliveries, the erasure of t-2. */
    static List<Object> v1Log() {
        List<Object> log = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            log.add(v1("b-" + i, "IT", true));
        }
        for (int i = 1; i <= 4; i++) {
            log.add(v1("t-" + i, i % 2 == 0 ? "IT" : "PL", false));
        }
        log.add(v1("t-1", "PL", false)); // redelivered
        log.add(v1("t-2", "IT", false)); // redelivered
        log.add(new TeacherErased("t-2", AT.plusSeconds(3600)));
        return log;
    }

    static TeacherRegisteredV1 v1(String id, String country, boolean baseline) {
        return new TeacherRegisteredV1(
                id,
                country,
                country.toLowerCase(),
                AT,
                "Name of " + id,
                id + "@school.example",
                new Consents(true, false),
                baseline);
    }

    private void writeV1Log(List<Object> log) throws Exception {
        try (var admin = admin()) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(Topics.REGISTRATIONS_V1, 3, (short) 1),
                                    new NewTopic(Topics.MILESTONES, 3, (short) 1)))
                    .all()
                    .get();
        }
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (Object event : log) {
                String key =
                        event instanceof TeacherRegisteredV1 v1
                                ? v1.teacherId()
                                : ((TeacherErased) event).teacherId();
                var record =
                        new ProducerRecord<>(Topics.REGISTRATIONS_V1, key, EventJson.write(event));
                CloudEvent.create("/platform", EventType.of(event), AT).writeTo(record.headers());
                producer.send(record).get();
            }
            // a plain v1-shaped record, as the platform may have written it: no headers
            producer.send(
                            new ProducerRecord<>(
                                    Topics.REGISTRATIONS_V1,
                                    "t-plain",
                                    EventJson.write(v1("t-plain", "FR", false))))
                    .get();
            // a poison record: no event at all
            producer.send(
                            new ProducerRecord<>(
                                    Topics.REGISTRATIONS_V1,
                                    "t-poison",
                                    "not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            var named =
                    new MilestoneReached(
                            "global:5",
                            Scope.GLOBAL,
                            5,
                            5,
                            AT,
                            AT,
                            new CrossedBy("t-3", "PL", "Name of t-3"));
            var milestone =
                    new ProducerRecord<>(Topics.MILESTONES, "global:5", EventJson.write(named));
            CloudEvent.create("/milestone-service", EventType.MILESTONE_REACHED, AT)
                    .writeTo(milestone.headers());
            producer.send(milestone).get();
        }
    }

    private static Map<String, String> distinctRegistered(
            List<ConsumerRecord<String, byte[]>> copied) {
        Map<String, String> teachers = new HashMap<>();
        for (var record : copied) {
            if (CloudEvent.readFrom(record.headers()).type() == EventType.TEACHER_REGISTERED) {
                var event = EventJson.read(record.value(), TeacherRegistered.class);
                teachers.putIfAbsent(event.teacherId(), event.country() + "/" + event.baseline());
            }
        }
        return teachers;
    }

    private static Map<String, String> distinctRegisteredV1(List<Object> log) {
        Map<String, String> teachers = new HashMap<>();
        Set<Object> all = new LinkedHashSet<>(log);
        all.add(v1("t-plain", "FR", false));
        for (Object event : all) {
            if (event instanceof TeacherRegisteredV1 v1) {
                teachers.putIfAbsent(v1.teacherId(), v1.country() + "/" + v1.baseline());
            }
        }
        return teachers;
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }
}
