package io.milestones.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherErased;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.Concurrently;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real path: HTTP in, registry row and outbox, a record on a real broker out. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=registration-service")
class RegistrationApiIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
        TestKeys.register(registry);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    @Tag("database")
    void shouldPublishTeacherRegisteredKeyedByTeacherIdWithCloudEventsHeaders() {
        var response =
                api.post(
                        "/api/registrations",
                        TestKeys.PLATFORM,
                        Api.registration("t-42", "mario@example.org", "IT"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/registrations/t-42");
        var record = awaitEvents("t-42", 1).get(0);
        CloudEvent cloudEvent = CloudEvent.readFrom(record.headers());
        assertThat(cloudEvent.type()).isEqualTo(EventType.TEACHER_REGISTERED);
        assertThat(cloudEvent.source()).isEqualTo("/registration-service");
        assertThat(response.body()).contains(cloudEvent.id());
        TeacherRegistered event = EventJson.read(record.value(), TeacherRegistered.class);
        assertThat(event.country()).isEqualTo("IT");
        assertThat(event.consents().milestoneEmails()).isTrue();
        assertThat(event.consents().publicName()).isFalse();
        // the log kept forever carries no personal data; the compacted contacts topic does
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("mario@example.org")
                .doesNotContain("Teacher t-42");
        var contactRecord = awaitContacts("t-42", 1).get(0);
        assertThat(CloudEvent.readFrom(contactRecord.headers()).type())
                .isEqualTo(EventType.TEACHER_CONTACT);
        assertThat(EventJson.read(contactRecord.value(), TeacherContact.class))
                .isEqualTo(
                        new TeacherContact(
                                "t-42",
                                "IT",
                                "en",
                                "Teacher t-42",
                                "mario@example.org",
                                new Consents(true, false)));
        assertThat(event.baseline()).isFalse();
        assertThat(cloudEvent.time()).isEqualTo(event.registeredAt());
    }

    @Test
    @Tag("database")
    void shouldAnswerARepeatedRequestWithTheOriginalAnswerAndNoSecondEvent() {
        String body = Api.registration("t-rep", "rep@example.org", "PL");
        var first = api.post("/api/registrations", TestKeys.PLATFORM, body);
        var again = api.post("/api/registrations", TestKeys.PLATFORM, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        awaitEvents("t-rep", 1);
    }

    @Test
    @Tag("database")
    void shouldAnswerTheSameIdempotencyKeyWithTheOriginalAnswerAndRefuseItForAnotherRequest() {
        String body = Api.registration("t-key", "key@example.org", "DE");
        var first =
                api.post("/api/registrations", TestKeys.PLATFORM, body, "Idempotency-Key", "k-1");
        var again =
                api.post("/api/registrations", TestKeys.PLATFORM, body, "Idempotency-Key", "k-1");
        var other =
                api.post(
                        "/api/registrations",
                        TestKeys.PLATFORM,
                        Api.registration("t-key-2", "key2@example.org", "DE"),
                        "Idempotency-Key",
                        "k-1");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        awaitEvents("t-key", 1);
    }

    @Test
    @Tag("database")
    void shouldRefuseTheSameEmailUnderAnotherTeacherIdWithConflict() {
        api.post(
                "/api/registrations",
                TestKeys.PLATFORM,
                Api.registration("t-mail-1", "same@example.org", "FR"));

        var second =
                api.post(
                        "/api/registrations",
                        TestKeys.PLATFORM,
                        Api.registration("t-mail-2", "SAME@example.org", "FR"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(second.body()).contains("email-taken").doesNotContain("same@example.org");
    }

    @Test
    @Tag("database")
    void shouldRefuseTheSameTeacherIdWithOtherDataWithConflict() {
        api.post(
                "/api/registrations",
                TestKeys.PLATFORM,
                Api.registration("t-changed", "c1@example.org", "FR"));

        var second =
                api.post(
                        "/api/registrations",
                        TestKeys.PLATFORM,
                        Api.registration("t-changed", "c2@example.org", "FR"));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("teacher-id-taken");
    }

    @Test
    @Tag("database")
    void shouldAcceptExactlyOneOf50ConcurrentRegistrationsOfTheSameEmail() throws Exception {
        List<Integer> statuses =
                Concurrently.run(
                        50,
                        i ->
                                api.post(
                                                "/api/registrations",
                                                TestKeys.PLATFORM,
                                                Api.registration(
                                                        "t-race-" + i, "race@example.org", "ES"))
                                        .statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    }

    @Test
    @Tag("database")
    void shouldWriteOneEventWhen50ConcurrentRequestsRepeatOneRegistration() throws Exception {
        String body = Api.registration("t-same", "same-race@example.org", "ES");
        List<HttpResponse<String>> responses =
                Concurrently.run(50, i -> api.post("/api/registrations", TestKeys.PLATFORM, body));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
        awaitEvents("t-same", 1);
    }

    @Test
    @Tag("database")
    void shouldFindATeacherAndListTeachersOfACountryPageByPage() {
        for (int i = 0; i < 5; i++) {
            api.post(
                    "/api/registrations",
                    TestKeys.PLATFORM,
                    Api.registration("t-lt-" + i, "lt" + i + "@example.org", "LT"));
        }

        var one = api.get("/api/registrations/t-lt-0", TestKeys.PLATFORM);
        var page0 = api.get("/api/registrations?country=LT&size=3", TestKeys.PLATFORM);
        var page1 = api.get("/api/registrations?country=LT&size=3&page=1", TestKeys.PLATFORM);
        var none =
                api.get(
                        "/api/registrations?country=LT&since=2999-01-01T00:00:00Z",
                        TestKeys.PLATFORM);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"email\":\"lt0@example.org\"", "\"country\":\"LT\"");
        assertThat(page0.body()).contains("t-lt-0", "t-lt-2", "\"hasNext\":true");
        assertThat(page1.body()).contains("t-lt-3", "t-lt-4", "\"hasNext\":false");
        assertThat(none.body()).contains("\"items\":[]");
        assertThat(api.get("/api/registrations/nobody", TestKeys.PLATFORM).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Tag("database")
    void shouldEraseThePersonalDataKeepTheRegistrationAndPublishTeacherErasedAfterIt() {
        api.post(
                "/api/registrations",
                TestKeys.PLATFORM,
                Api.registration("t-gdpr", "gdpr@example.org", "SE"));
        awaitContacts("t-gdpr", 1);

        assertThat(api.delete("/api/registrations/t-gdpr", TestKeys.PLATFORM).statusCode())
                .isEqualTo(403);
        var erased = api.delete("/api/registrations/t-gdpr", TestKeys.ADMIN);
        var again = api.delete("/api/registrations/t-gdpr", TestKeys.ADMIN);

        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(204);
        var view = api.get("/api/registrations/t-gdpr", TestKeys.PLATFORM);
        assertThat(view.body())
                .contains("\"erasedAt\"", "\"country\":\"SE\"")
                .doesNotContain("gdpr@example.org", "Teacher t-gdpr");
        var records = awaitEvents("t-gdpr", 2);
        assertThat(CloudEvent.readFrom(records.get(0).headers()).type())
                .isEqualTo(EventType.TEACHER_REGISTERED);
        assertThat(CloudEvent.readFrom(records.get(1).headers()).type())
                .isEqualTo(EventType.TEACHER_ERASED);
        assertThat(EventJson.read(records.get(1).value(), TeacherErased.class).teacherId())
                .isEqualTo("t-gdpr");
        // the contact record is followed by its tombstone, so compaction removes the address
        var contacts = awaitContacts("t-gdpr", 2);
        assertThat(new String(contacts.get(0).value(), StandardCharsets.UTF_8))
                .contains("gdpr@example.org");
        assertThat(contacts.get(1).value()).isNull();
        var reRegistered =
                api.post(
                        "/api/registrations",
                        TestKeys.PLATFORM,
                        Api.registration("t-gdpr", "gdpr@example.org", "SE"));
        assertThat(reRegistered.statusCode()).isEqualTo(409);
        assertThat(reRegistered.body()).contains("teacher-erased");
    }

    @Test
    void shouldRefuseCallsWithoutAValidKeyAsProblemJson() {
        String body = Api.registration("t-anon", "anon@example.org", "IT");

        var none = api.post("/api/registrations", null, body);
        var wrong = api.post("/api/registrations", "not-a-key", body);
        var platformOnAdmin = api.get("/api/admin/simulator", TestKeys.PLATFORM);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(platformOnAdmin.statusCode()).isEqualTo(403);
        assertThat(platformOnAdmin.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheusWithTheOutboxBacklog() {
        assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/info", null).statusCode()).isEqualTo(200);
        var prometheus = api.get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains(
                        "milestones_outbox_backlog_events", "milestones_outbox_oldest_age_seconds");
        assertThat(api.get("/actuator/env", TestKeys.ADMIN).statusCode()).isIn(403, 404);
        assertThat(api.get("/actuator/beans", TestKeys.ADMIN).statusCode()).isIn(403, 404);
    }

    @Test
    void shouldNeverLogAnEmailAddressOrName(CapturedOutput output) {
        api.post(
                "/api/registrations",
                TestKeys.PLATFORM,
                Api.registration("t-log", "secret-mail@example.org", "IT"));
        api.post(
                "/api/registrations",
                TestKeys.PLATFORM,
                Api.registration("t-log-2", "secret-mail@example.org", "IT"));
        awaitEvents("t-log", 1);

        assertThat(output.getAll()).doesNotContain("secret-mail@example.org", "Teacher t-log");
    }

    @Test
    void shouldRunTheSimulatorThroughTheRegistryAndOutboxFromTheAdminApi() {
        assertThat(api.post("/api/admin/simulator/start", TestKeys.PLATFORM, "{}").statusCode())
                .isEqualTo(403);
        var started =
                api.post(
                        "/api/admin/simulator/start",
                        TestKeys.ADMIN,
                        "{\"ratePerSecond\":200,\"total\":30}");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"running\":true", "\"total\":30");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(api.get("/api/admin/simulator", TestKeys.ADMIN).body())
                                        .contains("\"running\":false", "\"sent\":30"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                                kafka.bootstrapServers(),
                                                                Topics.REGISTRATIONS)
                                                        .stream()
                                                        .filter(r -> r.key().startsWith("sim-")))
                                        .hasSize(30));
        assertThat(api.post("/api/admin/simulator/stop", TestKeys.ADMIN, "").body())
                .contains("\"running\":false");
    }

    /**
     * The teacher's events once the outbox is empty: every event written so far was acknowledged by
     * the broker (the relay deletes a row only then), so a second copy one relay round later would
     * already be on the topic. Exactly {@code count}, not "at least".
     */
    private List<ConsumerRecord<String, byte[]>> awaitEvents(String teacherId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                jdbc.queryForObject("select count(*) from outbox_event", Long.class)
                                        == 0);
        var events = events(teacherId);
        assertThat(events).hasSize(count);
        return events;
    }

    private List<ConsumerRecord<String, byte[]>> awaitContacts(String teacherId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(contacts(teacherId)).hasSize(count));
        return contacts(teacherId);
    }

    private List<ConsumerRecord<String, byte[]>> contacts(String teacherId) {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.TEACHER_CONTACTS)
                .stream()
                .filter(r -> r.key().equals(teacherId))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> events(String teacherId) {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS)
                .stream()
                .filter(r -> r.key().equals(teacherId))
                .toList();
    }
}
