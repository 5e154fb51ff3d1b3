package io.milestones.milestone.rules;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/** A fixed list of thresholds, e.g. {@code [1000, 10000, 1000000]}. */
public final class ExplicitThresholds implements ThresholdRule {

    private final long[] thresholds;

    public ExplicitThresholds(Collection<Long> thresholds) {
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("thresholds must not be empty");
        }
        this.thresholds =
                thresholds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (this.thresholds[0] <= 0) {
            throw new IllegalArgumentException(
                    "thresholds must be positive, got " + this.thresholds[0]);
        }
    }

    @Override
    public LongStream crossed(long previous, long current) {
        return Arrays.stream(thresholds).filter(t -> previous < t && t <= current);
    }

    @Override
    public OptionalLong next(long current) {
        return Arrays.stream(thresholds).filter(t -> t > current).findFirst();
    }

    @Override
    public String toString() {
        return "thresholds " + Arrays.toString(thresholds);
    }
}
