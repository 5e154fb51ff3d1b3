package io.milestones.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * chain-service against a fake Mastodon (real HTTP, server-sent events) and a fake Jetstream (real
 * WebSocket): every post is on {@code social-chain} exactly once across a disconnect in the middle
 * of a message, a dropped stream and a restart of the service; deletions become ChainPostDeleted;
 * bad input is counted and skipped.
 */
class ChainServiceIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    FakeMastodon mastodon;
    FakeJetstream jetstream;
    ConfigurableApplicationContext app;

    @BeforeEach
    void fakes() throws Exception {
        mastodon = new FakeMastodon();
        jetstream = new FakeJetstream();
        jetstream.start();
        await().until(() -> jetstream.getPort() > 0);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        mastodon.close();
        jetstream.stop(1000);
    }

    ConfigurableApplicationContext start() {
        return ChainServiceApplication.builder()
                .run(
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--server.port=0",
                        "--milestones.chain.partitions=2",
                        "--milestones.chain.mastodon.enabled=true",
                        "--milestones.chain.mastodon.base-url=" + mastodon.baseUrl(),
                        "--milestones.chain.mastodon.catch-up-page-size=2",
                        "--milestones.chain.bluesky.enabled=true",
                        "--milestones.chain.bluesky.jetstream-url=" + jetstream.url(),
                        "--milestones.chain.stream.heartbeat-timeout=3s",
                        "--milestones.chain.stream.backoff-initial=50ms",
                        "--milestones.chain.stream.backoff-max=200ms",
                        "--milestones.chain.stream.flush-interval=50ms",
                        "--milestones.chain.stream.cursor-interval=100ms",
                        "--milestones.chain.limits.max-mentions=5");
    }

    @Test
    void shouldWriteEveryPostOnceAcrossADisconnectMidMessageAndARestart() throws Exception {
        // given posts before the service's first start: Jetstream replays them (the fake keeps
        // all), Mastodon's first connection follows from now on (no position to catch up from)
        mastodon.publish("101", FakeMastodon.status("101", "anna", "ben@other.example"), false);
        jetstream.publish(1_000, FakeJetstream.post(1_000, "did:plc:a", "p1", "did:plc:b"), false);
        jetstream.publish(1_001, FakeJetstream.other(1_001), false);
        jetstream.publish(1_002, FakeJetstream.post(1_002, "did:plc:b", "p2", "did:plc:c"), false);
        app = start();
        await().until(() -> mastodon.openStreams() == 1);
        mastodon.publish("102", FakeMastodon.status("102", "ben@other.example", "cleo"), true);
        mastodon.publish("103", FakeMastodon.status("103", "cleo", "dan"), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> observed().size() == 4);

        // when Jetstream breaks in the middle of a message, and Mastodon drops its stream while
        // posts go on
        jetstream.breakMidMessage();
        jetstream.publish(1_003, FakeJetstream.post(1_003, "did:plc:c", "p3", "did:plc:d"), false);
        mastodon.disconnectAll();
        mastodon.publish("104", FakeMastodon.status("104", "dan", "eva"), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> observed().size() == 6);

        // and the service restarts while more posts are made
        app.close();
        app = null;
        mastodon.publish("105", FakeMastodon.status("105", "eva", "fay"), false);
        mastodon.publish("106", FakeMastodon.status("106", "fay", "gus"), false);
        mastodon.publish("107", FakeMastodon.status("107", "gus", "hal"), false);
        jetstream.publish(1_004, FakeJetstream.post(1_004, "did:plc:d", "p4", "did:plc:e"), false);
        app = start();
        await().until(() -> mastodon.openStreams() == 1);

        // and bad input arrives, then deletions
        mastodon.send("event: update\ndata: {not json\n\n");
        mastodon.send("event: filters_changed\ndata: \n\n");
        jetstream.publish(
                1_005,
                "{\"did\":\"did:plc:z\",\"time_us\":1005,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"bad\",\"record\":{\"text\":\"#1MeTwinners\",\"createdAt\":\"nope\"}}}",
                true);
        mastodon.delete("102");
        jetstream.publish(1_006, FakeJetstream.delete(1_006, "did:plc:a", "p1"), true);

        // then every post is there once, and the two deletions
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            assertThat(observed())
                                    .containsOnlyKeys(
                                            "mastodon:102",
                                            "mastodon:103",
                                            "mastodon:104",
                                            "mastodon:105",
                                            "mastodon:106",
                                            "mastodon:107",
                                            "bluesky:at://did:plc:a/app.bsky.feed.post/p1",
                                            "bluesky:at://did:plc:b/app.bsky.feed.post/p2",
                                            "bluesky:at://did:plc:c/app.bsky.feed.post/p3",
                                            "bluesky:at://did:plc:d/app.bsky.feed.post/p4")
                                    .allSatisfy(
                                            (id, count) -> assertThat(count).as(id).isEqualTo(1L));
                            assertThat(ofType(EventType.CHAIN_POST_DELETED))
                                    .containsOnlyKeys(
                                            "mastodon:102:deleted",
                                            "bluesky:at://did:plc:a/app.bsky.feed.post/p1:deleted");
                        });
        assertThat(jetstream.requests).anyMatch(r -> r.contains("cursor="));
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        assertThat(
                        meters.get("chain.input.skipped")
                                .tag("reason", "malformed-json")
                                .counter()
                                .count())
                .isEqualTo(1);
        assertThat(
                        meters.get("chain.input.skipped")
                                .tag("reason", "unknown-event")
                                .counter()
                                .count())
                .isEqualTo(1);
        assertThat(
                        meters.get("chain.input.skipped")
                                .tag("reason", "missing-field")
                                .counter()
                                .count())
                .isEqualTo(1);
        // keyed by the author's account
        assertThat(records())
                .filteredOn(r -> CloudEvent.readFrom(r.headers()).id().equals("mastodon:103"))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("cleo@127.0.0.1"));
    }

    List<ConsumerRecord<String, byte[]>> records() {
        return KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.SOCIAL_CHAIN);
    }

    Map<String, Long> observed() {
        return ofType(EventType.CHAIN_POST_OBSERVED);
    }

    Map<String, Long> ofType(EventType type) {
        return records().stream()
                .map(r -> CloudEvent.readFrom(r.headers()))
                .filter(e -> e.type() == type)
                .map(CloudEvent::id)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
