package io.milestones.chain.graph;

import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostObserved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the in-memory graph costs for a large chain (decision 0701): heap after building it from
 * {@code posts} posts by {@code posts / 2} participants (each tags the next one), the time to apply
 * them (the rebuild at start-up, without the broker) and to compute one summary. Not a test: run
 * {@code java -cp ... io.milestones.chain.graph.ChainGraphMemoryBenchmark 1000000}.
 */
public final class ChainGraphMemoryBenchmark {

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int people = posts / 2;
        Instant t0 = Instant.parse("2026-12-03T09:00:00Z");
        long before = used();
        ChainGraphs graphs = new ChainGraphs(200, Duration.ZERO, Clock.systemUTC());
        long start = System.nanoTime();
        for (int i = 0; i < posts; i++) {
            int author = i % people;
            ChainNetwork network = author % 3 == 0 ? ChainNetwork.BLUESKY : ChainNetwork.MASTODON;
            String account =
                    network == ChainNetwork.BLUESKY
                            ? "did:plc:" + String.format("%024d", author)
                            : "teacher" + author + "@school" + (author % 100) + ".social";
            String next =
                    network == ChainNetwork.BLUESKY
                            ? "did:plc:" + String.format("%024d", author + 3)
                            : "teacher"
                                    + (author + 3)
                                    + "@school"
                                    + ((author + 3) % 100)
                                    + ".social";
            String postId =
                    network == ChainNetwork.BLUESKY
                            ? "at://"
                                    + account
                                    + "/app.bsky.feed.post/3k"
                                    + String.format("%011d", i)
                            : String.valueOf(113_000_000_000_000_000L + i);
            graphs.apply(
                    new ChainPostObserved(
                            "1MeTwinners",
                            network,
                            postId,
                            "https://example.org/" + i,
                            account,
                            i % 2 == 0 ? "en" : "it",
                            t0.plusSeconds(i),
                            List.of(next),
                            null,
                            null,
                            List.of("1metwinners")));
        }
        long applied = System.nanoTime();
        ChainSummary summary = graphs.summary("1MeTwinners", 20).orElseThrow();
        long summarised = System.nanoTime();
        long after = used();
        System.out.printf(
                "posts=%d participants=%d longest=%d chains=%d heap=%d MB (%d bytes/post)"
                        + " apply=%d ms summary=%d ms%n",
                posts,
                summary.participants(),
                summary.longestChain(),
                summary.chains(),
                (after - before) / 1_048_576,
                (after - before) / posts,
                (applied - start) / 1_000_000,
                (summarised - applied) / 1_000_000);
        if (summary.participants() == 0) {
            throw new IllegalStateException("nothing built");
        }
        System.out.println(graphs.hashCode()); // keep it reachable until measured
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
