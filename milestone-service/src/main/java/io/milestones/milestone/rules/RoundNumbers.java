package io.milestones.milestone.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * A round-number series: each mantissa times every power of ten, e.g. {@code 1-2-5} gives 1, 2, 5,
 * 10, 20, 50, 100 … Only whole numbers within {@code [min, max]} are thresholds, so {@code 1-2.5-5}
 * yields 25, 250 … but not 2.5.
 */
public final class RoundNumbers implements ThresholdRule {

    private final String pattern;
    private final ExplicitThresholds thresholds;

    /**
     * @param pattern mantissas in [1, 10), ascending, separated by '-', e.g. {@code 1-2-5}
     * @param min smallest threshold, positive
     * @param max largest threshold, at least {@code min}
     */
    public RoundNumbers(String pattern, long min, long max) {
        List<BigDecimal> mantissas = parse(pattern);
        if (min <= 0) {
            throw new IllegalArgumentException("min must be positive, got " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException(
                    "max must be at least min (" + min + "), got " + max);
        }
        List<Long> values = new ArrayList<>();
        BigDecimal upper = BigDecimal.valueOf(max);
        for (BigDecimal power = BigDecimal.ONE;
                power.compareTo(upper) <= 0;
                power = power.multiply(BigDecimal.TEN)) {
            for (BigDecimal mantissa : mantissas) {
                BigDecimal value = mantissa.multiply(power);
                if (value.stripTrailingZeros().scale() <= 0
                        && value.compareTo(BigDecimal.valueOf(min)) >= 0
                        && value.compareTo(upper) <= 0) {
                    values.add(value.longValueExact());
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(
                    "series " + pattern + " has no whole number between " + min + " and " + max);
        }
        this.pattern = pattern;
        this.thresholds = new ExplicitThresholds(values);
    }

    static List<BigDecimal> parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("series must not be blank, e.g. \"1-2-5\"");
        }
        List<BigDecimal> mantissas = new ArrayList<>();
        for (String part : pattern.split("-", -1)) {
            BigDecimal mantissa;
            try {
                mantissa = new BigDecimal(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "series must be mantissas separated by '-', e.g. \"1-2-5\", got \""
                                + pattern
                                + "\"");
            }
            if (mantissa.compareTo(BigDecimal.ONE) < 0 || mantissa.compareTo(BigDecimal.TEN) >= 0) {
                throw new IllegalArgumentException(
                        "series mantissas must lie in [1, 10), got " + part.trim());
            }
            if (!mantissas.isEmpty()
                    && mantissa.compareTo(mantissas.get(mantissas.size() - 1)) <= 0) {
                throw new IllegalArgumentException(
                        "series mantissas must ascend, got \"" + pattern + "\"");
            }
            mantissas.add(mantissa);
        }
        return mantissas;
    }

    @Override
    public LongStream crossed(long previous, long current) {
        return thresholds.crossed(previous, current);
    }

    @Override
    public OptionalLong next(long current) {
        return thresholds.next(current);
    }

    @Override
    public String toString() {
        return "series " + pattern + " " + thresholds;
    }
}
