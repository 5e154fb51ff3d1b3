package io.milestones.milestone.rules;

import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * Every {@code step} from {@code from} on: {@code from, from + step, from + 2·step, …}, e.g. {@code
 * every: 1000} gives 1000, 2000, 3000 …
 */
public final class EveryN implements ThresholdRule {

    private final long step;
    private final long from;

    /**
     * @param step distance between two thresholds, positive
     * @param from the first threshold, positive
     */
    public EveryN(long step, long from) {
        if (step <= 0) {
            throw new IllegalArgumentException("every must be positive, got " + step);
        }
        if (from <= 0) {
            throw new IllegalArgumentException("from must be positive, got " + from);
        }
        this.step = step;
        this.from = from;
    }

    @Override
    public LongStream crossed(long previous, long current) {
        if (current < from || current <= previous) {
            return LongStream.empty();
        }
        long first = firstAbove(previous);
        if (first > current) {
            return LongStream.empty();
        }
        long count = (current - first) / step + 1;
        return LongStream.iterate(first, t -> t + step).limit(count);
    }

    @Override
    public OptionalLong next(long current) {
        return OptionalLong.of(firstAbove(current));
    }

    /** The smallest threshold strictly above {@code value}. */
    private long firstAbove(long value) {
        if (value < from) {
            return from;
        }
        return from + ((value - from) / step + 1) * step;
    }

    @Override
    public String toString() {
        return "every " + step + " from " + from;
    }
}
