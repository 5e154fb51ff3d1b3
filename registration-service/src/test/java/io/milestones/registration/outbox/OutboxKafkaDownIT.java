package io.milestones.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.Topics;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guarantee 1: a registration the API accepted reaches the topic even when Kafka was down when it
 * was accepted. The application starts against a port where no broker listens yet.
 */
@Tag("database")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=registration-service",
            "milestones.outbox.max-backoff=2s",
        })
class OutboxKafkaDownIT {

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    static final int KAFKA_PORT = FixedPortKafka.freePort();
    static FixedPortKafka kafka;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
        db.register(registry);
        TestKeys.register(registry);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @LocalServerPort int port;

    @Test
    void shouldAcceptRegistrationsWhileKafkaIsDownAndPublishEachOnceWhenItIsBack()
            throws Exception {
        Api api = new Api(port);
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var response =
                    api.post(
                            "/api/registrations",
                            TestKeys.PLATFORM,
                            Api.registration("t-down-" + i, "down" + i + "@example.org", "IT"));
            assertThat(response.statusCode()).isEqualTo(201);
            eventIds.add(eventId(response.body()));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(api.get("/actuator/prometheus", null).body())
                                        // each registration waits with its contact record
                                        .contains("milestones_outbox_backlog_events 16.0"));

        Path dataDir = Files.createTempDirectory("kafka-down-it");
        kafka = FixedPortKafka.start(KAFKA_PORT, dataDir, 6);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(published()).hasSize(8));
        var records = published();
        assertThat(records)
                .extracting(r -> CloudEvent.readFrom(r.headers()).id())
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(records)
                .extracting(r -> r.key())
                .containsExactlyInAnyOrder(
                        "t-down-0",
                        "t-down-1",
                        "t-down-2",
                        "t-down-3",
                        "t-down-4",
                        "t-down-5",
                        "t-down-6",
                        "t-down-7");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(api.get("/actuator/prometheus", null).body())
                                        .contains("milestones_outbox_backlog_events 0.0"));
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>
            published() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS);
    }

    private static String eventId(String body) {
        Matcher matcher = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
