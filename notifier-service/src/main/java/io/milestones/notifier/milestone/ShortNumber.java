package io.milestones.notifier.milestone;

import java.math.BigDecimal;

/** Numbers as people write them in hashtags: 1,000,000 → 1M, 50,000 → 50K, 2,500 → 2.5K. */
final class ShortNumber {

    private static final long[] SCALES = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SUFFIXES = {"B", "M", "K"};

    private ShortNumber() {}

    static String format(long value) {
        for (int i = 0; i < SCALES.length; i++) {
            if (Math.abs(value) >= SCALES[i]) {
                return BigDecimal.valueOf(value)
                                .divide(BigDecimal.valueOf(SCALES[i]))
                                .stripTrailingZeros()
                                .toPlainString()
                        + SUFFIXES[i];
            }
        }
        return Long.toString(value);
    }
}
