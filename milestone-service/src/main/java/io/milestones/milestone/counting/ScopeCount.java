package io.milestones.milestone.counting;

import java.time.Instant;

/**
 * The state of one scope: its distinct count and the highest threshold already settled (announced,
 * or passed by baseline registrations), which stops a threshold from firing twice.
 *
 * @param count distinct registrations counted
 * @param settledUpTo highest threshold that is announced or deliberately skipped
 * @param lastEventAt event time of the latest registration counted
 */
public record ScopeCount(long count, long settledUpTo, Instant lastEventAt) {

    static final ScopeCount ZERO = new ScopeCount(0, 0, null);
}
