package io.milestones.chain.graph;

import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every campaign's {@link ChainGraph} and the posts an admin hid, fed by {@link ChainGraphFeed}
 * from {@code social-chain} and {@code chain-moderation}. A summary is computed from the graph at
 * most once per {@code refresh} (a sort of all participants), and served from a cache in between.
 */
public class ChainGraphs {

    private final int feedCapacity;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, ChainGraph> graphs = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final Map<String, Cached> cache = new HashMap<>();
    private long version;

    private record Cached(long version, Instant at, ChainSummary summary) {}

    public ChainGraphs(int feedCapacity, Duration refresh, Clock clock) {
        this.feedCapacity = feedCapacity;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Applies one event of {@code social-chain}; anything else is ignored. */
    public synchronized void apply(Object event) {
        if (event instanceof ChainPostObserved post) {
            graph(post.campaign()).observed(post);
        } else if (event instanceof ChainPostDeleted deletion) {
            graph(deletion.campaign()).deleted(deletion);
        } else {
            return;
        }
        version++;
    }

    /** An admin hid ({@code true}) or showed again a post, by {@code <network>:<postId>}. */
    public synchronized void hidden(String eventId, boolean hide) {
        if (hide ? hidden.add(eventId) : hidden.remove(eventId)) {
            version++;
        }
    }

    /** The campaign's chain with its newest {@code limit} answers, if it has any participant. */
    public synchronized Optional<ChainSummary> summary(String campaign, int limit) {
        String key = campaign.toLowerCase(Locale.ROOT);
        ChainGraph graph = graphs.get(key);
        if (graph == null) {
            return Optional.empty();
        }
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached == null
                || cached.version() != version && !now.isBefore(cached.at().plus(refresh))) {
            cached = new Cached(version, now, graph.summary(feedCapacity, Set.copyOf(hidden)));
            cache.put(key, cached);
        }
        ChainSummary s = cached.summary();
        List<FeedPost> latest = s.latest().stream().limit(limit).toList();
        return Optional.of(
                new ChainSummary(
                        s.campaign(),
                        s.participants(),
                        s.conversions(),
                        s.longestChain(),
                        s.chains(),
                        s.byNetwork(),
                        s.byLanguage(),
                        latest));
    }

    private ChainGraph graph(String campaign) {
        return graphs.computeIfAbsent(
                campaign.toLowerCase(Locale.ROOT), c -> new ChainGraph(campaign, feedCapacity));
    }
}
