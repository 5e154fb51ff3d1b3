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
 * @param internalValues how values of the internal stores and repartition topic are written (both
 *     formats are always read)
 * @param hourlyHistory how far back the count history keeps hours (days are kept for good)
 */
public record CountingOptions(
        GlobalAggregation globalAggregation,
        Duration flushInterval,
        Duration publishInterval,
        ValueFormat internalValues,
        Duration hourlyHistory) {

    /** Hours of the count history kept by default: the last week. */
    public static final Duration HOURLY_HISTORY = Duration.ofDays(7);

    /** As milestone-service runs it: every scope summed per task (the fastest, decision 0205). */
    public static final CountingOptions DEFAULTS =
            new CountingOptions(
                    GlobalAggregation.EVERY_SCOPE, Duration.ofMillis(30), Duration.ofSeconds(1));

    /** Writing {@link ValueFormat#BINARY} internal values. */
    public CountingOptions(
            GlobalAggregation globalAggregation, Duration flushInterval, Duration publishInterval) {
        this(globalAggregation, flushInterval, publishInterval, ValueFormat.BINARY);
    }

    /** Keeping {@link #HOURLY_HISTORY} of hours. */
    public CountingOptions(
            GlobalAggregation globalAggregation,
            Duration flushInterval,
            Duration publishInterval,
            ValueFormat internalValues) {
        this(globalAggregation, flushInterval, publishInterval, internalValues, HOURLY_HISTORY);
    }

    public CountingOptions {
        if (flushInterval.toMillis() < 1 || publishInterval.toMillis() < 1) {
            throw new IllegalArgumentException("intervals must be at least 1 ms");
        }
        if (hourlyHistory.toHours() < 1) {
            throw new IllegalArgumentException("hourly history must be at least 1 hour");
        }
    }

    /** How the counts are summed before the repartition by scope. */
    public enum GlobalAggregation {
        /** One increment per registration to the one {@code global} key. */
        SINGLE_KEY,
        /**
         * Each input task sums its registrations and forwards the partial sum now and then; the
         * {@code global} key adds the sums (fewer records through the one hot partition).
         */
        TWO_LEVEL,
        /**
         * Each input task sums its registrations per scope (global, country, language) and forwards
         * the partial sums now and then: one repartitioned record per scope, task and flush
         * interval instead of one per registration and scope (decision 0205).
         */
        EVERY_SCOPE
    }

    /**
     * How values of the internal state stores and repartition topic are written (decision 0203).
     * Both are always read, so the format can change in a rolling restart.
     */
    public enum ValueFormat {
        /** A version byte and the fields: compact, and cheaper to read and write than JSON. */
        BINARY,
        /**
         * JSON as before the binary format: for the first step of a rolling upgrade from a version
         * that reads only JSON, and for rolling back to one.
         */
        JSON
    }

    public CountingOptions with(GlobalAggregation aggregation) {
        return new CountingOptions(
                aggregation, flushInterval, publishInterval, internalValues, hourlyHistory);
    }

    public CountingOptions with(ValueFormat format) {
        return new CountingOptions(
                globalAggregation, flushInterval, publishInterval, format, hourlyHistory);
    }
}
