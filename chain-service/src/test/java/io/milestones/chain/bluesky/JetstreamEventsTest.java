package io.milestones.chain.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milestones.chain.ChainMetrics;
import io.milestones.chain.log.ChainCursor;
import io.milestones.chain.log.ChainLog;
import io.milestones.chain.log.ChainState;
import io.milestones.chain.stream.StreamBatch;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JetstreamEventsTest {

    final List<Object> written = new ArrayList<>();
    final List<ChainCursor> cursors = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ChainState state = new ChainState();
    JetstreamEvents events;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        ChainLog log = mock(ChainLog.class);
        doAnswer(
                        call -> {
                            List<Object> batch = call.getArgument(0);
                            written.addAll(batch);
                            cursors.add(call.getArgument(1));
                            batch.forEach(state::committed);
                            return null;
                        })
                .when(log)
                .commit(any(List.class), any(ChainCursor.class));
        var metrics = new ChainMetrics(registry);
        var batch =
                new StreamBatch(
                        JetstreamStream.STREAM,
                        ChainNetwork.BLUESKY,
                        null,
                        log,
                        state,
                        metrics,
                        1,
                        Duration.ZERO,
                        Duration.ofHours(1));
        events =
                new JetstreamEvents(
                        batch,
                        "1MeTwinners",
                        List.of("1metwinners"),
                        3,
                        4096,
                        metrics,
                        Clock.fixed(Instant.parse("2021-12-04T00:00:00Z"), ZoneOffset.UTC));
    }

    static String create(long timeUs, String did, String rkey, String text, String facets) {
        return "{\"did\":\""
                + did
                + "\",\"time_us\":"
                + timeUs
                + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r\",\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\""
                + text
                + "\",\"langs\":[\"it\"],\"createdAt\":\"2021-12-03T11:02:00Z\",\"facets\":["
                + facets
                + "]},\"cid\":\"c\"}}";
    }

    static String tag(String tag) {
        return "{\"index\":{\"byteStart\":0,\"byteEnd\":12},\"features\":[{\"$type\":"
                + "\"app.bsky.richtext.facet#tag\",\"tag\":\""
                + tag
                + "\"}]}";
    }

    static String mention(String did) {
        return "{\"index\":{\"byteStart\":13,\"byteEnd\":20},\"features\":[{\"$type\":"
                + "\"app.bsky.richtext.facet#mention\",\"did\":\""
                + did
                + "\"}]}";
    }

    @Test
    void shouldTurnATaggedPostIntoAChainPostWithItsMentionsAndNoText() {
        events.handle(
                create(
                        1001,
                        "did:plc:a",
                        "3k1",
                        "#1MeTwinners our project won a prize @b",
                        tag("1MeTwinners") + "," + mention("did:plc:b")));

        assertThat(written).hasSize(1);
        var post = (ChainPostObserved) written.get(0);
        assertThat(post.postId()).isEqualTo("at://did:plc:a/app.bsky.feed.post/3k1");
        assertThat(post.author()).isEqualTo("did:plc:a");
        assertThat(post.mentions()).containsExactly("did:plc:b");
        assertThat(post.hashtags()).containsExactly("1metwinners");
        assertThat(post.language()).isEqualTo("it");
        assertThat(cursors.get(0).position()).isEqualTo("1001");
    }

    @Test
    void shouldFindTheTagInTheTextWhenTheClientWroteNoFacet() {
        events.handle(create(1002, "did:plc:a", "3k2", "best result #1metwinners", ""));

        assertThat(written).hasSize(1);
    }

    @Test
    void shouldIgnoreOtherPostsAndWriteAPostOnce() {
        events.handle(create(1003, "did:plc:a", "3k3", "hello world", tag("cats")));
        String chain = create(1004, "did:plc:a", "3k4", "#1MeTwinners", tag("1MeTwinners"));
        events.handle(chain);
        events.handle(chain);

        assertThat(written).hasSize(1);
    }

    @Test
    void shouldDeleteOnlyAPostOfTheChain() {
        events.handle(create(1005, "did:plc:a", "3k5", "#1MeTwinners", tag("1MeTwinners")));
        events.handle(
                "{\"did\":\"did:plc:a\",\"time_us\":1006,\"kind\":\"commit\",\"commit\":{\"rev\":\"r\","
                        + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k5\"}}");
        events.handle(
                "{\"did\":\"did:plc:z\",\"time_us\":1007,\"kind\":\"commit\",\"commit\":{\"rev\":\"r\","
                        + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"other\"}}");

        assertThat(written).hasSize(2);
        assertThat(written.get(1))
                .isEqualTo(
                        new ChainPostDeleted(
                                "1MeTwinners",
                                ChainNetwork.BLUESKY,
                                "at://did:plc:a/app.bsky.feed.post/3k5",
                                "did:plc:a",
                                Instant.parse("2021-12-04T00:00:00Z")));
    }

    @Test
    void shouldCountAndSkipBadInputWithoutThrowing() {
        events.handle("{\"did\":\"did:plc:a\",\"time_us\":1, \"kind\":\"commit\" #1metwinners");
        events.handle(
                "{\"did\":\"did:plc:a\",\"time_us\":2,\"kind\":\"weird\",\"x\":\"#1metwinners\"}");
        events.handle(
                create(
                        3,
                        "did:plc:a",
                        "3k9",
                        "#1MeTwinners",
                        tag("1MeTwinners")
                                + ","
                                + mention("did:plc:b")
                                + ","
                                + mention("did:plc:c")
                                + ","
                                + mention("did:plc:d")
                                + ","
                                + mention("did:plc:e")));
        events.handle(create(4, "did:plc:a", "3k8", "#1MeTwinners " + "x".repeat(5000), ""));

        assertThat(written).isEmpty();
        assertThat(skipped("malformed-json")).isEqualTo(1);
        assertThat(skipped("unknown-event")).isEqualTo(1);
        assertThat(skipped("too-many-mentions")).isEqualTo(1);
        assertThat(skipped("oversized")).isEqualTo(1);
    }

    private double skipped(String reason) {
        var counter = registry.find("chain.input.skipped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
