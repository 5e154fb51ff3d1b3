package io.milestones.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import io.milestones.ops.suppressions.NotifierAdminStub;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ops see every topic with its lag, the dead letters with the reason and personal data masked, and
 * replay a corrected record to its source topic — recorded in the audit log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=ops-console",
            "milestones.ops.admin.username=ops",
            "milestones.ops.admin.password={noop}s3cret",
        })
class OpsConsoleIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("milestones.ops.notifier.base-url", NOTIFIER::baseUrl);
        registry.add("milestones.ops.notifier.admin-api-key", () -> NotifierAdminStub.KEY);
        db.register(registry);
    }

    /** The notifier's suppression admin API. */
    static final NotifierAdminStub NOTIFIER = new NotifierAdminStub();

    @AfterAll
    static void stopNotifier() {
        NOTIFIER.close();
    }

    static final String POISON =
            "{\"teacherId\":\"t-9\",\"email\":\"giulia.rossi@example.org\",\"displayName\":\"Giulia\","
                    + "\"language\":\"it\",\"registeredAt\":\"2021-12-03T10:00:00Z\"}";

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void poisonRecordOnTheDeadLetterTopic() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                var producer =
                        new KafkaProducer<>(
                                Map.<String, Object>of(
                                        "bootstrap.servers", kafka.bootstrapServers()),
                                new StringSerializer(),
                                new ByteArraySerializer())) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(Topics.REGISTRATIONS_V1, 2, (short) 1),
                                    new NewTopic("lag-probe", 1, (short) 1),
                                    new NewTopic(
                                            Topics.deadLetter(Topics.REGISTRATIONS_V1),
                                            2,
                                            (short) 1)))
                    .all()
                    .get();
            var dead =
                    new ProducerRecord<>(
                            Topics.deadLetter(Topics.REGISTRATIONS_V1),
                            1,
                            "t-9",
                            POISON.getBytes(StandardCharsets.UTF_8));
            CloudEvent.create(
                            "/platform",
                            EventType.TEACHER_REGISTERED,
                            Instant.parse("2021-12-03T10:00:00Z"))
                    .writeTo(dead.headers());
            dead.headers()
                    .add(
                            "kafka_dlt-original-topic",
                            Topics.REGISTRATIONS_V1.getBytes(StandardCharsets.UTF_8));
            dead.headers()
                    .add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
            dead.headers()
                    .add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array());
            dead.headers()
                    .add(
                            "kafka_dlt-exception-message",
                            "not a valid TeacherRegistered on registrations: country is required"
                                    .getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
            producer.send(new ProducerRecord<>("lag-probe", 0, "t-1", "{}".getBytes())).get();
            producer.send(new ProducerRecord<>("lag-probe", 0, "t-2", "{}".getBytes())).get();
            // a consumer group that has read one of the two records on partition 0: lag 1
            admin.alterConsumerGroupOffsets(
                            "probe-group",
                            Map.of(new TopicPartition("lag-probe", 0), new OffsetAndMetadata(1)))
                    .all()
                    .get();
        }
    }

    @Test
    void shouldShowTopicsWithConsumerLag() throws Exception {
        var response = get("/api/ops/topics", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"registrations\"")
                .contains("\"name\":\"registrations-dlt\",\"deadLetter\":true")
                .contains("{\"group\":\"probe-group\",\"lag\":1,");
    }

    @Test
    void shouldShowDeadLettersWithTheReasonAndPersonalDataMasked() throws Exception {
        var response = get("/api/ops/dead-letters/registrations-dlt", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern("\"total\":1\\b")
                .contains("country is required")
                .contains(
                        "\"originalTopic\":\"registrations\",\"originalPartition\":1,\"originalOffset\":41")
                .doesNotContain("giulia.rossi@example.org")
                .doesNotContain("Giulia");
    }

    @Test
    @Tag("database")
    void shouldReplayACorrectedRecordToItsSourceTopicOnceAndAuditIt() throws Exception {
        var fixed =
                new TeacherRegisteredV1(
                        "t-9",
                        "IT",
                        "it",
                        Instant.parse("2021-12-03T10:00:00Z"),
                        "Giulia",
                        "giulia.rossi@example.org",
                        null,
                        false);
        String body =
                "{\"reason\":\"country was missing, confirmed IT with the platform\",\"records\":[{\"partition\":1,\"offset\":0,\"value\":"
                        + quote(new String(EventJson.write(fixed), StandardCharsets.UTF_8))
                        + "}]}";

        var first = post("/api/ops/dead-letters/registrations-dlt/replay", body);
        var second = post("/api/ops/dead-letters/registrations-dlt/replay", body);

        assertThat(first.body())
                .contains("\"outcome\":\"REPLAYED\"")
                .contains("\"targetTopic\":\"registrations\"");
        assertThat(second.body()).contains("\"outcome\":\"ALREADY_REPLAYED\"");
        var replayed =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS_V1)
                        .stream()
                        .filter(r -> "t-9".equals(r.key()))
                        .toList();
        assertThat(replayed).hasSize(1);
        assertThat(EventJson.read(replayed.get(0).value(), TeacherRegisteredV1.class))
                .isEqualTo(fixed);
        assertThat(CloudEvent.readFrom(replayed.get(0).headers()).type())
                .isEqualTo(EventType.TEACHER_REGISTERED);
        assertThat(replayed.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(get("/api/ops/audit", true).body())
                .contains("\"actor\":\"ops\"")
                .contains("\"valueChanged\":true")
                .contains("country was missing");
    }

    @Test
    void shouldLetPrometheusScrapeTheLagAndDeadLetterMetricsWithoutCredentials() throws Exception {
        // as ops/prometheus/prometheus.yml scrapes it: no credentials; the alerts
        // ConsumerLagHigh and DeadLettersArrived need these two series
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            var response = get("/actuator/prometheus", false);
                            assertThat(response.statusCode()).isEqualTo(200);
                            assertThat(response.body())
                                    .contains("milestones_consumer_lag{")
                                    .contains("milestones_dead_letter_records{");
                        });
    }

    @Test
    void shouldRejectAnonymousCallsWithProblemJson() throws Exception {
        var response = get("/api/ops/topics", false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
    }

    @Test
    void shouldRejectATopicThatIsNotADeadLetterTopicNamingTheField() throws Exception {
        var response = get("/api/ops/dead-letters/registrations", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"topic\"");
    }

    @Test
    void shouldRenderTheOpsPages() throws Exception {
        assertThat(get("/ops", true).body()).contains("registrations-dlt").contains("probe-group");
        assertThat(get("/ops/dead-letters/registrations-dlt", true).body())
                .contains("country is required")
                .doesNotContain("giulia.rossi@example.org");
    }

    @Test
    @Tag("database")
    void shouldShowSuppressionsMaskedLookOneUpAndLiftItWithAnAuditEntry() throws Exception {
        // a browser: session cookie for the forms' CSRF token and the flash messages
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String list = browse(browser, "/ops/suppressions", null).body();
        assertThat(list)
                .contains("<span>2</span> suppressed")
                .contains("a***@school.example")
                .contains("HARD_BOUNCE")
                .contains("550 5.1.1 no such user")
                .contains("(erased)")
                .contains("COMPLAINT")
                .doesNotContain(NotifierAdminStub.ANA);
        String csrf = csrf(list);

        // look-up: the full address goes in the body to the notifier, the page shows it masked
        var lookup =
                browse(
                        browser,
                        "/ops/suppressions/lookup",
                        "email=" + encode(NotifierAdminStub.ANA) + "&_csrf=" + encode(csrf));
        assertThat(lookup.statusCode()).isEqualTo(302);
        assertThat(NOTIFIER.lookedUp)
                .containsExactly("{\"email\":\"" + NotifierAdminStub.ANA + "\"}");
        String found = browse(browser, "/ops/suppressions", null).body();
        assertThat(found).contains("class=\"found\"").doesNotContain(NotifierAdminStub.ANA);

        // lift: the notifier's DELETE, then the audit names who and why
        var lift =
                browse(
                        browser,
                        "/ops/suppressions/" + NotifierAdminStub.ANA_HASH + "/lift",
                        "address="
                                + encode("a***@school.example")
                                + "&suppressionReason=HARD_BOUNCE&reason="
                                + encode("mailbox fixed, confirmed by the school")
                                + "&_csrf="
                                + encode(csrf));
        assertThat(lift.statusCode()).isEqualTo(302);
        assertThat(NOTIFIER.lifted).containsExactly(NotifierAdminStub.ANA_HASH);
        String after = browse(browser, "/ops/suppressions", null).body();
        assertThat(after)
                .contains("Lifted: a***@school.example")
                .containsPattern(
                        "<td>ops</td>\\s*<td>a\\*\\*\\*@school.example</td>\\s*<td>HARD_BOUNCE</td>"
                                + "\\s*<td>mailbox fixed, confirmed by the school</td>");

        // a form without its CSRF token changes nothing
        var forged =
                browse(
                        browser,
                        "/ops/suppressions/" + NotifierAdminStub.ANA_HASH + "/lift",
                        "reason=x");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(NOTIFIER.lifted).hasSize(1);
    }

    private HttpResponse<String> browse(HttpClient browser, String path, String form)
            throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic());
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authenticated) {
            request.header("Authorization", basic());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
