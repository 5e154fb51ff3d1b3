package io.milestones.events;

import java.time.Instant;

/**
 * A count crossed a threshold: {@code previous < threshold <= count}. Emitted exactly once per
 * milestoneId. Key: {@code milestoneId}. Type {@code io.milestones.milestone.reached.v1}.
 *
 * @param milestoneId deterministic: {@code global:1000000}, {@code country:IT:50000}
 * @param scope what was counted
 * @param threshold the number celebrated
 * @param count the count right after the crossing (may exceed the threshold after a jump)
 * @param reachedAt event time of the registration that crossed the threshold
 * @param detectedAt when the milestone service noticed
 * @param crossedBy the registration that crossed it
 */
public record MilestoneReached(
        String milestoneId,
        Scope scope,
        long threshold,
        long count,
        Instant reachedAt,
        Instant detectedAt,
        CrossedBy crossedBy)
        implements MilestoneEvent {

    public MilestoneReached {
        Require.text(milestoneId, "milestoneId");
        Require.present(scope, "scope");
        Require.positive(threshold, "threshold");
        if (count < threshold) {
            throw new IllegalArgumentException(
                    "count " + count + " has not reached threshold " + threshold);
        }
        Require.present(reachedAt, "reachedAt");
        Require.present(detectedAt, "detectedAt");
        Require.present(crossedBy, "crossedBy");
    }
}
