package io.milestones.milestone.counting;

import java.time.Duration;

/**
 * How the topology counts, beyond the rules.
 *
 * @param globalAggregation how the global count is summed
 * @param flushInterval how often a {@link GlobalAggregation#TWO_LEVEL} partial sum is forwarded
 *     (wall clock)
 * @param publishInterval how often changed counts are written to {@code milestone-counts} (wall
 *     clock)
 */
public record CountingOptions(
        GlobalAggregation globalAggregation, Duration flushInterval, Duration publishInterval) {

    /** As milestone-service runs it: two-level (the faster, see docs/benchmarks.md). */
    public static final CountingOptions DEFAULTS =
            new CountingOptions(
                    GlobalAggregation.TWO_LEVEL, Duration.ofMillis(100), Duration.ofSeconds(1));

    public CountingOptions {
        if (flushInterval.toMillis() < 1 || publishInterval.toMillis() < 1) {
            throw new IllegalArgumentException("intervals must be at least 1 ms");
        }
    }

    /** How the single global count is kept. */
    public enum GlobalAggregation {
        /** One increment per registration to the one {@code global} key. */
        SINGLE_KEY,
        /**
         * Each input task sums its registrations and forwards the partial sum now and then; the
         * {@code global} key adds the sums (fewer records through the one hot partition).
         */
        TWO_LEVEL
    }

    public CountingOptions with(GlobalAggregation aggregation) {
        return new CountingOptions(aggregation, flushInterval, publishInterval);
    }
}
