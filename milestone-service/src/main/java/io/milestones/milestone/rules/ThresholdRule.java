package io.milestones.milestone.rules;

import java.util.OptionalLong;
import java.util.stream.LongStream;

/** Which counts of one scope are worth celebrating. Implementations are immutable. */
public interface ThresholdRule {

    /**
     * Every threshold {@code T} with {@code previous < T <= current}, ascending. A jump of the
     * count (batches, baseline imports) therefore never skips a threshold.
     */
    LongStream crossed(long previous, long current);

    /** The smallest threshold above {@code current}, if there is one. */
    OptionalLong next(long current);

    /** A rule that never fires. */
    ThresholdRule NONE =
            new ThresholdRule() {
                @Override
                public LongStream crossed(long previous, long current) {
                    return LongStream.empty();
                }

                @Override
                public OptionalLong next(long current) {
                    return OptionalLong.empty();
                }

                @Override
                public String toString() {
                    return "none";
                }
            };
}
