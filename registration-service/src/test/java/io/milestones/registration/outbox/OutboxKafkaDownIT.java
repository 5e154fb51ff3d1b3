package io.milestones.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.Topics;
import io.milestones.registration.RegistrationServiceApplication;
import io.milestones.registration.testing.Api;
import io.milestones.registration.testing.TestKeys;
import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Guarantee 1: a registration the API accepted reaches the topic, once, even when Kafka was down
 * when it was accepted and the service restarted before Kafka came back. The first instance accepts
 * registrations against a port where no broker listens and stops with them in the outbox; a second
 * instance on the same database publishes them once the broker is there.
 */
@Tag("database")
class OutboxKafkaDownIT {

    static final int REGISTRATIONS = 8;

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    final int kafkaPort = FixedPortKafka.freePort();
    FixedPortKafka kafka;
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldPublishEachAcceptedRegistrationOnceAfterARestartWhileKafkaWasDown()
            throws Exception {
        Api first = new Api(port(start()));
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            var response =
                    first.post(
                            "/api/registrations",
                            TestKeys.PLATFORM,
                            Api.registration("t-down-" + i, "down" + i + "@example.org", "IT"));
            assertThat(response.statusCode()).isEqualTo(201);
            eventIds.add(eventId(response.body()));
        }
        // each registration waits with its contact record (teacher-contacts)
        awaitBacklog(first, 2 * REGISTRATIONS);
        instances.remove(0).close(); // the restart, with every event still in the outbox

        kafka = FixedPortKafka.start(kafkaPort, Files.createTempDirectory("kafka-down-it"), 6);
        Api second = new Api(port(start()));
        awaitBacklog(second, 0);

        // exact, and still exact after a quiet window of several relay rounds
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(published()).hasSize(REGISTRATIONS));
        var records = published();
        assertThat(records)
                .extracting(r -> CloudEvent.readFrom(r.headers()).id())
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(
                        "t-down-0",
                        "t-down-1",
                        "t-down-2",
                        "t-down-3",
                        "t-down-4",
                        "t-down-5",
                        "t-down-6",
                        "t-down-7");
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> settings = new HashMap<>(TestKeys.SETTINGS);
        settings.put("server.port", 0);
        settings.put("spring.kafka.bootstrap-servers", "localhost:" + kafkaPort);
        settings.put("spring.datasource.url", db.url());
        settings.put("spring.datasource.username", db.user());
        settings.put("spring.datasource.password", db.password());
        settings.put("milestones.outbox.max-backoff", "2s");
        String[] args =
                settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        var context =
                RegistrationServiceApplication.builder().registerShutdownHook(false).run(args);
        instances.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void awaitBacklog(Api api, int events) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                assertThat(api.get("/actuator/prometheus", null).body())
                                        .contains(
                                                "milestones_outbox_backlog_events "
                                                        + events
                                                        + ".0\n"));
    }

    private List<ConsumerRecord<String, byte[]>> published() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS);
    }

    private static String eventId(String body) {
        Matcher matcher = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
