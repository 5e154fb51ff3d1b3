package io.milestones.milestone.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.LongStream;

/**
 * Where a threshold counts as approaching: at {@code ceil(fraction × threshold)}, computed in
 * decimal so that 0.07 × 100 is 7, not 8.
 */
public final class Approach {

    private Approach() {}

    /** The count at which {@code threshold} is {@code fraction} reached. */
    public static long point(long threshold, double fraction) {
        return BigDecimal.valueOf(fraction)
                .multiply(BigDecimal.valueOf(threshold))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /**
     * The thresholds of {@code rule}, ascending, whose approach point lies in {@code (previous,
     * current]} and which {@code current} has not reached yet. A jump over both the approach point
     * and the threshold itself announces the milestone, not its approach.
     */
    public static LongStream crossed(
            ThresholdRule rule, double fraction, long previous, long current) {
        // point(T) <= c  <=>  T <= c / f, so candidates lie in (previous / f, current / f]
        long from = divide(previous, fraction) - 1;
        long to = divide(current, fraction) + 1;
        return rule.crossed(Math.max(0, from), to)
                .filter(t -> t > current)
                .filter(
                        t -> {
                            long point = point(t, fraction);
                            return previous < point && point <= current;
                        });
    }

    private static long divide(long count, double fraction) {
        return BigDecimal.valueOf(count)
                .divide(BigDecimal.valueOf(fraction), 0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
