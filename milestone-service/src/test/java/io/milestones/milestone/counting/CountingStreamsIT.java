package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring-managed Streams app on a real broker, exactly-once, read back read_committed. */
// Closed after the class, not by the JVM's shutdown hook: a Kafka Streams instance still closing
// its RocksDB stores while the JVM exits can abort the test JVM ("pthread lock: Invalid
// argument"), failing a build whose tests all passed. The close meets an already stopped broker
// and waits out its timeout (about 10 s); that is the price.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=milestone-service",
            "milestones.rules.global.thresholds=5,10,20",
            "milestones.rules.country.thresholds=4",
            "milestones.rules.language.every=3",
            "milestones.counting.publish-interval=200ms",
        })
class CountingStreamsIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @TempDir static Path stateDir;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    static final Instant START = Instant.now().minusSeconds(3600);
    static final java.util.concurrent.atomic.AtomicInteger SENT =
            new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort int port;

    @Test
    void shouldCountDistinctTeachersAndEmitEachMilestoneOnce() throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (int i = 1; i <= 11; i++) {
                send(producer, "t-" + i, i <= 6 ? "IT" : "FR");
            }
            send(producer, "t-3", "IT"); // a duplicate delivery
            producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, "t-x", "{".getBytes())).get();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/counts"))
                                        .containsPattern("\"global\":11\\b")
                                        .containsPattern("\"IT\":6\\b")
                                        .containsPattern("\"FR\":5\\b"));
        // The store is queryable before its transaction commits: wait for the committed events.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                KafkaTestClients.readCommitted(
                                                        kafka.bootstrapServers(),
                                                        Topics.MILESTONES))
                                        .hasSize(7));
        var milestones =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.MILESTONES);
        assertThat(milestones)
                .extracting(r -> r.key())
                .containsExactlyInAnyOrder(
                        "global:5",
                        "global:10",
                        "country:IT:4",
                        "country:FR:4",
                        "language:en:3",
                        "language:en:6",
                        "language:en:9");
        var global10 =
                milestones.stream()
                        .filter(r -> r.key().equals("global:10"))
                        .findFirst()
                        .orElseThrow();
        assertThat(CloudEvent.readFrom(global10.headers()).type())
                .isEqualTo(EventType.MILESTONE_REACHED);
        // Source partitions are processed independently: whoever was counted tenth crossed it.
        MilestoneReached reached = EventJson.read(global10.value(), MilestoneReached.class);
        assertThat(reached.count()).isEqualTo(10);
        assertThat(reached.crossedBy().teacherId()).matches("t-([1-9]|1[01])");
        assertThat(
                        KafkaTestClients.readCommitted(
                                kafka.bootstrapServers(), Topics.deadLetter(Topics.REGISTRATIONS)))
                .extracting(r -> r.key())
                .containsExactly("t-x");

        // every instance reads the history and the counts from topics: any instance answers
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/milestones?size=2"))
                                        .containsPattern("\"total\":7\\b")
                                        .containsPattern("\"page\":0\\b"));
        assertThat(get("/api/milestones?scope=country:IT"))
                .contains("\"milestoneId\":\"country:IT:4\"")
                .doesNotContain("country:FR:4")
                .containsPattern("\"total\":1\\b");
        assertThat(get("/api/milestones/next?scope=global"))
                .containsPattern("\"threshold\":20\\b")
                .containsPattern("\"missing\":9\\b")
                .contains("\"ratePerHour\":")
                .doesNotContain("\"ratePerHour\":null")
                .doesNotContain("\"forecast\":null");
        assertThat(get("/api/milestones?scope=planet:mars")).contains("\"field\":\"scope\"");

        // the count history, read from milestone-count-history on every instance
        String from = START.minusSeconds(3600).toString();
        String to = Instant.now().toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                counts(
                                                        "/api/public/stats/history?granularity=hour&from="
                                                                + from
                                                                + "&to="
                                                                + to))
                                        .startsWith(0L)
                                        .endsWith(11L)
                                        .isSorted());
        assertThat(
                        counts(
                                "/api/public/stats/history?scope=country:it&granularity=day&from="
                                        + START.minusSeconds(86_400).toString().substring(0, 10)))
                .startsWith(0L)
                .endsWith(6L);
        String csv = get("/api/public/stats/history.csv?scope=country:FR&granularity=day");
        assertThat(csv).startsWith("period,count\r\n").endsWith(",5\r\n");
        assertThat(get("/api/public/stats/history?granularity=week"))
                .contains("\"field\":\"granularity\"");

        // Prometheus scrapes the counts (ops/prometheus/prometheus.yml)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/actuator/prometheus"))
                                        .contains(
                                                "milestones_count{dimension=\"global\",key=\"all\"} 11.0"));

        // the public statistics, built from these milestones, name nobody: not the teacher who
        // crossed a threshold (the milestone events carry their id)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/public/stats"))
                                        .containsPattern("\"milestoneId\":\"global:10\\b")
                                        .containsPattern("\"milestoneId\":\"country:IT:4\\b"));
        for (String path :
                List.of(
                        "/api/public/stats",
                        "/api/public/stats/countries/IT",
                        "/",
                        "/countries/IT",
                        "/embed/counter")) {
            assertThat(get(path))
                    .as(path)
                    .doesNotContain("Rossi", "@school.example", "crossedBy", "teacherId")
                    .doesNotContainPattern("\\bt-[0-9]");
        }
    }

    /** The counts of a history answer, oldest first. */
    private java.util.List<Long> counts(String path) throws Exception {
        var points = EventJson.mapper().readTree(get(path)).get("points");
        java.util.List<Long> counts = new java.util.ArrayList<>();
        points.forEach(p -> counts.add(p.get("count").asLong()));
        return counts;
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, String teacherId, String country)
            throws Exception {
        // a minute apart in event time, so that there is a rate to forecast with
        Instant now = START.plusSeconds(60L * SENT.incrementAndGet());
        var event = new TeacherRegistered(teacherId, country, "en", now, Consents.none(), false);
        var record = new ProducerRecord<>(Topics.REGISTRATIONS, teacherId, EventJson.write(event));
        CloudEvent.create("/test", EventType.TEACHER_REGISTERED, now).writeTo(record.headers());
        producer.send(record).get();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
