package io.milestones.chain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChainGraphTest {

    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    static final ChainNetwork M = ChainNetwork.MASTODON;
    static final ChainNetwork B = ChainNetwork.BLUESKY;

    /**
     * Two chains. Mastodon: anna tags bert; bert answers and tags carla and dora; carla answers and
     * tags emil; emil answers (anna → bert → carla → emil: depth 4); dora answers (depth 3).
     * Bluesky: fay starts on her own; gus replies to her without being tagged (linked, no
     * conversion), and fay tags gus only afterwards. zeno is tagged and never answers.
     */
    static List<ChainPostObserved> handBuiltChain() {
        return List.of(
                post(M, "1", "anna@a.social", "en", 0, List.of("bert@b.social"), null),
                post(
                        M,
                        "2",
                        "bert@b.social",
                        "it",
                        10,
                        List.of("carla@a.social", "dora@a.social"),
                        null),
                post(M, "3", "carla@a.social", "it", 20, List.of("emil@c.social"), null),
                post(M, "4", "emil@c.social", "de", 30, List.of(), null),
                post(M, "5", "dora@a.social", "en", 40, List.of("zeno@z.social"), "2"),
                post(M, "6", "anna@a.social", "en", 50, List.of("carla@a.social"), null),
                post(
                        B,
                        "at://did:plc:fay/app.bsky.feed.post/1",
                        "did:plc:fay",
                        null,
                        5,
                        List.of(),
                        null),
                post(
                        B,
                        "at://did:plc:gus/app.bsky.feed.post/1",
                        "did:plc:gus",
                        "en",
                        15,
                        List.of(),
                        "at://did:plc:fay/app.bsky.feed.post/1"),
                post(
                        B,
                        "at://did:plc:fay/app.bsky.feed.post/2",
                        "did:plc:fay",
                        "en",
                        25,
                        List.of("did:plc:gus"),
                        null));
    }

    @Test
    @DisplayName(
            "graph metrics on a hand-built chain with known depth, conversions and two separate chains")
    void shouldMeasureTheHandBuiltChain() {
        ChainGraphs graphs = graphs();
        handBuiltChain().forEach(graphs::apply);

        ChainSummary chain = graphs.summary("1MeTwinners", 20).orElseThrow();

        assertThat(chain.participants()).isEqualTo(7);
        assertThat(chain.conversions()).isEqualTo(4); // bert, carla, dora, emil
        assertThat(chain.longestChain()).isEqualTo(4); // anna → bert → carla → emil
        assertThat(chain.chains()).isEqualTo(2); // anna's and fay's
        assertThat(chain.byNetwork()).isEqualTo(Map.of("bluesky", 2L, "mastodon", 5L));
        assertThat(chain.byLanguage()).isEqualTo(Map.of("de", 1L, "en", 3L, "it", 2L, "und", 1L));
        assertThat(chain.latest())
                .extracting(FeedPost::eventId)
                .containsExactly(
                        "mastodon:6",
                        "mastodon:5",
                        "mastodon:4",
                        "bluesky:at://did:plc:fay/app.bsky.feed.post/2",
                        "mastodon:3",
                        "bluesky:at://did:plc:gus/app.bsky.feed.post/1",
                        "mastodon:2",
                        "bluesky:at://did:plc:fay/app.bsky.feed.post/1",
                        "mastodon:1");
        assertThat(chain.latest().get(0))
                .isEqualTo(
                        new FeedPost(
                                FeedPost.idOf("mastodon:6"),
                                "mastodon",
                                "anna@a.social",
                                "https://a.social/@anna/6",
                                T0.plusSeconds(50),
                                "mastodon:6"));
    }

    @Test
    void shouldGiveTheSameMetricsWhateverOrderThePartitionsAreReadIn() {
        List<ChainPostObserved> reversed = new ArrayList<>(handBuiltChain());
        Collections.reverse(reversed);
        ChainGraphs graphs = graphs();
        reversed.forEach(graphs::apply);
        reversed.forEach(graphs::apply); // and every event twice

        ChainSummary chain = graphs.summary("1metwinners", 3).orElseThrow();

        assertThat(chain)
                .extracting(
                        ChainSummary::participants,
                        ChainSummary::conversions,
                        ChainSummary::longestChain,
                        ChainSummary::chains)
                .containsExactly(7L, 4L, 4, 2L);
        assertThat(chain.latest())
                .extracting(FeedPost::eventId)
                .containsExactly("mastodon:6", "mastodon:5", "mastodon:4");
    }

    @Test
    void shouldDropDeletedAndHiddenPostsFromTheFeedButNeverDecreaseTheMetrics() {
        ChainGraphs graphs = graphs();
        handBuiltChain().forEach(graphs::apply);

        graphs.apply(
                new ChainPostDeleted("1MeTwinners", M, "3", "carla@a.social", T0.plusSeconds(60)));
        graphs.apply(
                new ChainPostDeleted("1MeTwinners", M, "6", "anna@a.social", T0.plusSeconds(60)));
        graphs.hidden("mastodon:5", true);

        ChainSummary chain = graphs.summary("1MeTwinners", 3).orElseThrow();
        assertThat(chain.latest())
                .extracting(FeedPost::eventId)
                .containsExactly(
                        "mastodon:4",
                        "bluesky:at://did:plc:fay/app.bsky.feed.post/2",
                        "bluesky:at://did:plc:gus/app.bsky.feed.post/1");
        assertThat(chain)
                .extracting(
                        ChainSummary::participants,
                        ChainSummary::conversions,
                        ChainSummary::longestChain,
                        ChainSummary::chains)
                .containsExactly(7L, 4L, 4, 2L);

        graphs.hidden("mastodon:5", false);
        assertThat(graphs.summary("1MeTwinners", 1).orElseThrow().latest())
                .extracting(FeedPost::eventId)
                .containsExactly("mastodon:5");
    }

    @Test
    void shouldNotCountATagAfterTheFirstAnswerAsAConversion() {
        ChainGraphs graphs = graphs();
        graphs.apply(post(M, "1", "anna@a.social", "en", 10, List.of(), null));
        graphs.apply(post(M, "2", "bert@b.social", "en", 20, List.of("anna@a.social"), null));
        graphs.apply(post(M, "3", "bert@b.social", "en", 30, List.of("bert@b.social"), null));

        assertThat(graphs.summary("1MeTwinners", 20).orElseThrow())
                .extracting(
                        ChainSummary::participants,
                        ChainSummary::conversions,
                        ChainSummary::longestChain,
                        ChainSummary::chains)
                .containsExactly(2L, 0L, 1, 2L);
        assertThat(graphs.summary("other", 20)).isEmpty();
    }

    @Test
    void shouldReadBackOnlyWellFormedFeedIds() {
        String id = FeedPost.idOf("bluesky:at://did:plc:fay/app.bsky.feed.post/1");
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(FeedPost.eventIdOf(id))
                .contains("bluesky:at://did:plc:fay/app.bsky.feed.post/1");
        assertThat(FeedPost.eventIdOf("not base64!")).isEmpty();
        assertThat(FeedPost.eventIdOf(FeedPost.idOf("myspace:1"))).isEmpty();
        assertThat(FeedPost.eventIdOf(FeedPost.idOf("mastodon:"))).isEmpty();
    }

    static ChainGraphs graphs() {
        return new ChainGraphs(
                100, Duration.ZERO, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    static ChainPostObserved post(
            ChainNetwork network,
            String id,
            String author,
            String language,
            int second,
            List<String> mentions,
            String inReplyTo) {
        String url =
                network == M
                        ? "https://"
                                + author.substring(author.indexOf('@') + 1)
                                + "/@"
                                + author.substring(0, author.indexOf('@'))
                                + "/"
                                + id
                        : "https://bsky.app/profile/"
                                + author
                                + "/post/"
                                + id.substring(id.lastIndexOf('/') + 1);
        return new ChainPostObserved(
                "1MeTwinners",
                network,
                id,
                url,
                author,
                language,
                T0.plusSeconds(second),
                mentions,
                inReplyTo,
                null,
                List.of("1metwinners"));
    }
}
