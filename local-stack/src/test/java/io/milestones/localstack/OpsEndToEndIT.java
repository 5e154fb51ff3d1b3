package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.Topics;
import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ops across the running system: a poison registration lands on registrations-dlt (written by
 * milestone-service), ops see it through the ops console with personal data masked, replay it
 * corrected, and the teacher is counted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsEndToEndIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    static Services services;
    static ConfigurableApplicationContext ops;
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        services =
                Services.start(
                        Map.of(
                                "server.port",
                                0,
                                "spring.kafka.bootstrap-servers",
                                kafka.bootstrapServers()),
                        TestSettings.registration(),
                        TestSettings.milestone("1", "1000"),
                        // No SMTP server answers: the team's e-mail fails, retries fast, and
                        // ends as a dead letter.
                        TestSettings.notifier(
                                Map.of(
                                        "milestones.mail.recipients",
                                        "ops-team@example.org",
                                        "spring.mail.port",
                                        FixedPortKafka.freePort(),
                                        "milestones.delivery.retry.attempts",
                                        2,
                                        "milestones.delivery.retry.delay-ms",
                                        200)));
        ops =
                Services.startOpsConsole(
                        Map.of(
                                "server.port",
                                0,
                                "spring.kafka.bootstrap-servers",
                                kafka.bootstrapServers()),
                        Map.of(
                                "spring.datasource.url", "jdbc:h2:mem:ops-e2e;DB_CLOSE_DELAY=-1",
                                "milestones.ops.admin.username", "ops",
                                "milestones.ops.admin.password", "{noop}ops"));
    }

    @AfterAll
    static void stop() {
        if (ops != null) {
            ops.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowAPoisonRegistrationMaskedAndCountItOnceReplayedCorrected() throws Exception {
        String poison =
                "{\"teacherId\":\"t-poison\",\"language\":\"el\",\"registeredAt\":\"2021-12-03T10:00:00Z\","
                        + "\"displayName\":\"Eleni Papadopoulou\",\"email\":\"eleni.p@example.org\"}";
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var record =
                    new ProducerRecord<>(
                            Topics.REGISTRATIONS,
                            "t-poison",
                            poison.getBytes(StandardCharsets.UTF_8));
            CloudEvent.create(
                            "/platform",
                            EventType.TEACHER_REGISTERED,
                            Instant.parse("2021-12-03T10:00:00Z"))
                    .writeTo(record.headers());
            producer.send(record).get();
        }

        // Both consumers of registrations dead-letter it: milestone-service (inside its
        // transaction) and notifier-service (its error handler).
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(opsGet("/api/ops/dead-letters/registrations-v2-dlt"))
                                        .containsPattern("\"total\":2\\b"));
        String deadLetters = opsGet("/api/ops/dead-letters/registrations-v2-dlt");
        assertThat(deadLetters)
                .contains("\"originalTopic\":\"registrations-v2\"")
                .doesNotContain("eleni.p@example.org")
                .doesNotContain("Papadopoulou");
        assertThat(opsGet("/api/ops/topics")).contains("\"group\":\"milestone-service\"");
        JsonNode counted = null;
        for (JsonNode record : JSON.readTree(deadLetters).get("records")) {
            if (record.get("reason").asString().contains("country is required")) {
                counted = record;
            }
        }
        assertThat(counted)
                .as("milestone-service's dead letter, naming the missing field")
                .isNotNull();
        int partition = counted.get("partition").asInt();
        long offset = counted.get("offset").asLong();

        String fixed =
                poison.replace("\"language\":\"el\"", "\"country\":\"GR\",\"language\":\"el\"");
        String replay =
                opsPost(
                        "/api/ops/dead-letters/registrations-v2-dlt/replay",
                        "{\"reason\":\"country added after checking with the platform\",\"records\":[{\"partition\":"
                                + partition
                                + ",\"offset\":"
                                + offset
                                + ",\"value\":"
                                + quote(fixed)
                                + "}]}");

        assertThat(replay).contains("\"outcome\":\"REPLAYED\"");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(get(services.milestonePort(), "/api/counts"))
                                        .containsPattern("\"global\":1\\b")
                                        .containsPattern("\"GR\":1\\b"));
        assertThat(opsGet("/api/ops/audit")).contains("country added after checking");

        // The replayed teacher crossed the global threshold 1; its e-mail cannot be delivered.
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () ->
                                assertThat(
                                                opsGet(
                                                        "/api/ops/dead-letters/notification-requests-dlt"))
                                        .containsPattern("\"total\":1\\b")
                                        .contains("o***@example.org")
                                        .doesNotContain("ops-team@example.org"));
        assertThat(opsGet("/api/ops/topics")).contains("\"name\":\"notification-requests-dlt\"");
    }

    /**
     * Every metric a provisioned Grafana panel or an alert rule queries is exposed by one of the
     * four services Prometheus scrapes, after the run above (a milestone, a retried and failed
     * e-mail, dead letters, lag): a misspelt or retired name would show "no data" for good.
     */
    @Test
    @Order(2)
    @DisplayName("every metric in ops/grafana dashboards and ops/prometheus/alerts.yml is scraped")
    void shouldExposeEveryMetricTheDashboardsAndAlertsQuery() throws Exception {
        var queried = new java.util.TreeSet<String>();
        for (String expression : PromQl.expressionsUnder(Path.of("..", "ops"))) {
            queried.addAll(PromQl.metricNames(expression));
        }
        queried.remove("up"); // Prometheus's own, per target
        assertThat(queried).contains("milestones_count", "milestones_consumer_lag");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            var exposed = new java.util.HashSet<String>();
                            for (int port :
                                    new int[] {
                                        services.registrationPort(),
                                        services.milestonePort(),
                                        services.notifierPort(),
                                        Services.port(ops)
                                    }) {
                                exposed.addAll(
                                        PromQl.exposedNames(get(port, "/actuator/prometheus")));
                            }
                            assertThat(exposed).containsAll(queried);
                        });
    }

    private static String opsGet(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + Services.port(ops) + path))
                                .header("Authorization", basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String opsPost(String path, String json) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + Services.port(ops) + path))
                                .header("Authorization", basic())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString("ops:ops".getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
