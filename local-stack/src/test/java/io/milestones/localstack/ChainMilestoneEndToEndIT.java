package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import io.milestones.testing.chain.FakeJetstream;
import io.milestones.testing.chain.FakeMastodon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The campaign's chain celebrated end to end: teachers answer #1MeTwinners on a fake Mastodon (real
 * HTTP, server-sent events) and a fake Jetstream (real WebSocket); chain-service follows both,
 * milestone-service counts distinct participants (scope {@code campaign:1MeTwinners}, thresholds 5
 * and 10) and the notifier celebrates. Six teachers post ten times, one post arrives twice and
 * chain-service restarts in the middle: the chain's milestone 5 is reached once, mailed once to
 * each recipient and posted once on each network, and 10 is never reached.
 */
class ChainMilestoneEndToEndIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    static RunningSystem system;
    static FakeMastodon mastodon;
    static FakeJetstream jetstream;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        mastodon = new FakeMastodon();
        jetstream = new FakeJetstream();
        jetstream.start();
        await().until(() -> jetstream.getPort() > 0);
        Map<String, Object> milestone = new HashMap<>(TestSettings.milestone("1000", "1000"));
        milestone.put("milestones.rules.campaign.thresholds", "5,10");
        system = RunningSystem.start(kafka.bootstrapServers(), milestone);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        mastodon.close();
        jetstream.stop(1000);
    }

    static ConfigurableApplicationContext startChainService() {
        return Services.startChain(
                RunningSystem.common(kafka.bootstrapServers(), system.smtp),
                Map.ofEntries(
                        Map.entry("milestones.chain.mastodon.enabled", true),
                        Map.entry("milestones.chain.mastodon.base-url", mastodon.baseUrl()),
                        Map.entry("milestones.chain.bluesky.enabled", true),
                        Map.entry("milestones.chain.bluesky.jetstream-url", jetstream.url()),
                        Map.entry("milestones.chain.partitions", 2),
                        Map.entry("milestones.chain.stream.backoff-initial", "50ms"),
                        Map.entry("milestones.chain.stream.backoff-max", "200ms"),
                        Map.entry("milestones.chain.stream.flush-interval", "50ms"),
                        Map.entry("milestones.chain.stream.cursor-interval", "100ms")));
    }

    @Test
    @DisplayName("a chain milestone is celebrated once across a re-delivered post and a restart")
    void shouldCelebrateAChainMilestoneOnceAcrossARedeliveredPostAndARestart() throws Exception {
        // a consenting teacher: a subscriber of the whole community, who hears of the chain too
        assertThat(registerConsentingTeacher("t-1")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(get(system.services.milestonePort(), "/api/counts"))
                                        .containsPattern("\"global\":1\\b"));
        String now = Instant.now().toString();

        // given four teachers answering while chain-service follows, one of them twice
        var chain = startChainService();
        await().atMost(Duration.ofSeconds(30)).until(() -> mastodon.openStreams() == 1);
        mastodon.publish("101", status("101", "anna", "ben", now), true);
        mastodon.publish("102", status("102", "ben", "carla", now), true);
        mastodon.publish("103", status("103", "anna", "dora", now), true);
        jetstream.publish(1_000, post(1_000, "did:plc:ewa", "p1", "did:plc:filip", now), true);
        jetstream.publish(1_001, post(1_001, "did:plc:filip", "p2", "did:plc:gosia", now), true);
        // and the stream delivering one status a second time (a proxy replaying it)
        mastodon.send("event: update\ndata: " + status("101", "anna", "ben", now) + "\n\n");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(chainRecords()).hasSize(5));

        // when chain-service restarts while more teachers answer: Mastodon's timeline and
        // Jetstream's cursor give back what it missed (and Jetstream the event at its cursor)
        chain.close();
        mastodon.publish("104", status("104", "carla", "anna", now), false);
        mastodon.publish("105", status("105", "ben", "ewa", now), false);
        jetstream.publish(1_002, post(1_002, "did:plc:gosia", "p3", "did:plc:ewa", now), false);
        jetstream.publish(1_003, post(1_003, "did:plc:ewa", "p4", "did:plc:hana", now), false);
        jetstream.publish(1_004, post(1_004, "did:plc:filip", "p5", "did:plc:ewa", now), false);
        chain = startChainService();
        try {
            // then ten posts, each once, from six teachers: the chain counts six
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(chainRecords()).hasSize(10));

            // the chain's milestone 5 once (10 would need ten teachers, not ten posts)
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(milestoneIds()).isNotEmpty());
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () ->
                                    assertThat(milestoneIds())
                                            .containsExactly("campaign:1MeTwinners:5"));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(get(system.services.milestonePort(), "/api/counts"))
                                            .contains("\"campaign\":{\"1MeTwinners\":6}"));

            // one e-mail to each recipient: the team and the consenting teacher
            String subject = "eTwinning: 5 teachers have answered #1MeTwinners!";
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(system.smtp.getReceivedMessages())
                                            .extracting(RunningSystem::recipient)
                                            .containsExactlyInAnyOrder(
                                                    "a@example.org",
                                                    "b@example.org",
                                                    "t-1@example.org"));
            // one post on each of the six networks
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(system.social.posts()).hasSize(6));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () -> {
                                assertThat(system.smtp.getReceivedMessages()).hasSize(3);
                                assertThat(system.social.posts()).hasSize(6);
                            });
            assertThat(system.mailsTo("a@example.org", "b@example.org", "t-1@example.org"))
                    .containsOnly(subject);
            assertThat(system.social.posts())
                    .extracting(SocialSink.Post::network)
                    .containsExactlyInAnyOrder(
                            "mastodon", "bluesky", "x", "facebook", "instagram", "linkedin");
            assertThat(system.social.posts())
                    .allSatisfy(
                            p ->
                                    assertThat(p.text())
                                            .startsWith("🎉 5 teachers have answered ")
                                            .contains("1MeTwinners"));
        } finally {
            chain.close();
        }
    }

    private static String status(String id, String acct, String mentioned, String createdAt) {
        return FakeMastodon.status(id, acct, mentioned + "@m.example", "en", createdAt);
    }

    private static String post(long timeUs, String did, String rkey, String mention, String at) {
        return FakeJetstream.post(timeUs, did, rkey, mention, "pl", at);
    }

    private static List<String> chainRecords() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.SOCIAL_CHAIN)
                .stream()
                .map(r -> r.key())
                .toList();
    }

    private static List<String> milestoneIds() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.MILESTONES).stream()
                .filter(r -> CloudEvent.readFrom(r.headers()).type() == EventType.MILESTONE_REACHED)
                .map(r -> EventJson.read(r.value(), MilestoneReached.class).milestoneId())
                .toList();
    }

    private static int registerConsentingTeacher(String teacherId) throws Exception {
        String body =
                """
                {"teacherId":"%s","email":"%s@example.org","displayName":"Teacher %s",
                 "country":"PL","language":"en","consents":{"milestoneEmails":true}}
                """
                        .formatted(teacherId, teacherId, teacherId);
        return http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + system.services.registrationPort()
                                                        + "/api/registrations"))
                                .header("Content-Type", "application/json")
                                .header("X-API-Key", LocalStack.DEV_PLATFORM_KEY)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
