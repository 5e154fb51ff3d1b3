package io.milestones.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.EventJson;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.registration.RegistrationServiceApplication;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import: good rows in, bad rows reported with their line numbers, events on the topic; job
 * resources that outlive the process (a second application on the same database).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=registration-service")
class BulkImportIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        db.register(registry);
        TestKeys.register(registry);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static String ndjsonRow(int i, String country) {
        return """
               {"teacherId":"imp-%d","email":"imp%d@example.org","displayName":"Imported %d",\
               "country":"%s","language":"it","registeredAt":"2019-05-01T10:00:00Z"}\
               """
                .formatted(i, i, i, country);
    }

    @Test
    @Tag("database")
    void shouldImportTheGoodRowsOfA20000RowFileAndReportTheBadOnesByLine() {
        String file =
                IntStream.rangeClosed(1, 20_000)
                                .mapToObj(
                                        i ->
                                                i == 777
                                                        ? "{not json"
                                                        : ndjsonRow(i, i % 2000 == 0 ? "XX" : "IT"))
                                .collect(Collectors.joining("\n"))
                        + "\n"
                        + ndjsonRow(1, "IT")
                        + "\n";

        var accepted = upload("application/x-ndjson", file, TestKeys.ADMIN);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = awaitDone(location);
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("read").asLong()).isEqualTo(20_001);
        assertThat(job.get("imported").asLong()).isEqualTo(19_989);
        assertThat(job.get("failed").asLong()).isEqualTo(11);
        assertThat(job.get("skipped").asLong()).isEqualTo(1);
        String errors = job.get("errors").toString();
        assertThat(errors)
                .contains("{\"line\":777,\"field\":\"\",\"message\":\"is not a JSON object\"}")
                .contains("{\"line\":2000,\"field\":\"country\"")
                .contains(
                        "{\"line\":20001,\"field\":\"\",\"message\":\"teacherId or email is already registered\"}")
                .doesNotContain("@example.org");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(importedEvents()).isEqualTo(19_989));
        var first =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS)
                        .stream()
                        .filter(r -> r.key().equals("imp-1"))
                        .toList();
        assertThat(first).hasSize(1);
        TeacherRegistered event = EventJson.read(first.get(0).value(), TeacherRegistered.class);
        assertThat(event.baseline()).isTrue();
        assertThat(event.registeredAt()).hasToString("2019-05-01T10:00:00Z");
    }

    @Test
    void shouldImportCsvAndNameTheLineOfEachBadRow() {
        String file =
                """
                teacherId,email,displayName,country,language,milestoneEmails
                csv-1,csv1@example.org,"Nowak, Anna",PL,pl,true
                csv-2,not-an-address,Jan,PL,pl,false
                csv-3,csv3@example.org,Eva,SK,sk,maybe
                csv-4,csv4@example.org,Eva,SK,sk,
                """;

        var accepted = upload("text/csv", file, TestKeys.ADMIN);

        JsonNode job = awaitDone(accepted.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("imported").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        assertThat(job.get("errors").toString())
                .contains("{\"line\":3,\"field\":\"email\"")
                .contains("{\"line\":4,\"field\":\"milestoneEmails\"");
        assertThat(api.get("/api/registrations/csv-1", TestKeys.PLATFORM).body())
                .contains("\"displayName\":\"Nowak, Anna\"", "\"baseline\":true");
    }

    @Test
    void shouldLetOnlyAdminsImport() {
        assertThat(upload("text/csv", "teacherId\n", TestKeys.PLATFORM).statusCode())
                .isEqualTo(403);
        assertThat(upload("text/plain", "x", TestKeys.ADMIN).statusCode()).isEqualTo(415);
    }

    @Test
    @Tag("database")
    void shouldStillShowAFinishedJobAfterARestart() {
        String file =
                """
                teacherId,email,displayName,country,language,milestoneEmails
                rst-1,rst1@example.org,Ana,PT,pt,true
                rst-2,not-an-address,Rui,PT,pt,false
                """;
        String location =
                upload("text/csv", file, TestKeys.ADMIN)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow();
        JsonNode before = awaitDone(location);
        assertThat(before.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(before.get("errors")).hasSize(1);

        try (var restarted = restart()) {
            Api other = new Api(port(restarted));
            var after = other.get(location, TestKeys.ADMIN);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(after.body())).isEqualTo(before);
            assertThat(other.get("/api/admin/imports/no-such-job", TestKeys.ADMIN).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    @Tag("database")
    void shouldFailAJobLeftRunningByAStoppedProcessWhenTheServiceStarts() {
        String id = UUID.randomUUID().toString();
        var submitted = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        jdbc.update(
                "INSERT INTO import_jobs (id, format, baseline, state, submitted_at, started_at,"
                        + " rows_read, rows_imported, rows_skipped, rows_failed, updated_at)"
                        + " VALUES (?, 'NDJSON', TRUE, 'RUNNING', ?, ?, 4000, 3990, 2, 8, ?)",
                id,
                submitted,
                submitted,
                submitted);
        jdbc.update(
                "INSERT INTO import_job_errors (job_id, error_index, line, field, message)"
                        + " VALUES (?, 0, 17, 'country', 'must be a participating country')",
                id);

        try (var restarted = restart()) {
            var response = new Api(port(restarted)).get("/api/admin/imports/" + id, TestKeys.ADMIN);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode job = JSON.readTree(response.body());
            assertThat(job.get("status").asString()).isEqualTo("FAILED");
            assertThat(job.get("failure").asString())
                    .startsWith("interrupted by a restart at row 4000")
                    .contains("re-submit the file");
            assertThat(job.get("read").asLong()).isEqualTo(4000);
            assertThat(job.get("imported").asLong()).isEqualTo(3990);
            assertThat(job.get("format").asString()).isEqualTo("application/x-ndjson");
            assertThat(job.get("finishedAt")).isNotNull();
            assertThat(job.get("errors").toString())
                    .isEqualTo(
                            "[{\"line\":17,\"field\":\"country\",\"message\":\"must be a participating country\"}]");
        }
        assertThat(
                        JSON.readTree(api.get("/api/admin/imports/" + id, TestKeys.ADMIN).body())
                                .get("status")
                                .asString())
                .isEqualTo("FAILED");
    }

    @Test
    @Tag("database")
    void shouldFailTheRunningJobWithItsRowWhenTheServiceShutsDown() {
        String file =
                IntStream.rangeClosed(1, 100_000)
                        .mapToObj(
                                i ->
                                        """
                                        {"teacherId":"sd-%d","email":"sd%d@example.org",\
                                        "displayName":"Stopped %d","country":"AT","language":"de"}\
                                        """
                                                .formatted(i, i, i))
                        .collect(Collectors.joining("\n"));
        String location;
        try (var other = restart()) {
            Api api = new Api(port(other));
            location =
                    api.send(
                                    api.request("/api/admin/imports", TestKeys.ADMIN)
                                            .header("Content-Type", "application/x-ndjson")
                                            .POST(HttpRequest.BodyPublishers.ofString(file))
                                            .build())
                            .headers()
                            .firstValue("Location")
                            .orElseThrow();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    JSON.readTree(api.get(location, TestKeys.ADMIN).body())
                                            .get("status")
                                            .asString(),
                            "RUNNING"::equals);
        }

        JsonNode job = job(location);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("failure").asString())
                .startsWith("interrupted by a shutdown at row " + job.get("read").asLong() + ";")
                .endsWith("rows already imported are recognised as duplicates and skipped");
        assertThat(job.get("read").asLong()).isLessThan(100_000);
        assertThat(job.get("finishedAt")).isNotNull();
    }

    /**
     * A second instance of the service on this class's database, as after a restart (this one's
     * import thread is idle: every test waits for its jobs to end).
     */
    private static ConfigurableApplicationContext restart() {
        Map<String, Object> settings = new LinkedHashMap<>(TestKeys.SETTINGS);
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("spring.datasource.url", db.url());
        settings.put("spring.datasource.username", db.user());
        settings.put("spring.datasource.password", db.password());
        settings.put("milestones.outbox.enabled", false);
        String[] args =
                settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return RegistrationServiceApplication.builder().registerShutdownHook(false).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private HttpResponse<String> upload(String contentType, String body, String key) {
        return api.send(
                api.request("/api/admin/imports?baseline=true", key)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private JsonNode awaitDone(String location) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> job(location).get("status").asString(),
                        s -> s.matches("COMPLETED|FAILED"));
        return job(location);
    }

    private JsonNode job(String location) {
        return JSON.readTree(api.get(location, TestKeys.ADMIN).body());
    }

    private long importedEvents() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS)
                .stream()
                .filter(r -> r.key().startsWith("imp-"))
                .count();
    }
}
