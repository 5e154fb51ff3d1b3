package io.milestones.events;

import java.time.Instant;

/**
 * A count reached a configured fraction of an upcoming threshold, so a campaign can be prepared.
 * Emitted once per (milestoneId, fraction). Key: {@code milestoneId}. Type {@code
 * io.milestones.milestone.approaching.v1}.
 *
 * @param milestoneId the milestone that is approaching
 * @param scope what is counted
 * @param threshold the upcoming threshold
 * @param count the count when the fraction was reached
 * @param fraction the configured fraction, e.g. 0.99
 * @param detectedAt when the milestone service noticed
 */
public record MilestoneApproaching(
        String milestoneId,
        Scope scope,
        long threshold,
        long count,
        double fraction,
        Instant detectedAt)
        implements MilestoneEvent {

    public MilestoneApproaching {
        Require.text(milestoneId, "milestoneId");
        Require.present(scope, "scope");
        Require.positive(threshold, "threshold");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1), got " + fraction);
        }
        Require.present(detectedAt, "detectedAt");
    }
}
