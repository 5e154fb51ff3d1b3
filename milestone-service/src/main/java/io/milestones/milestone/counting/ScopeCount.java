package io.milestones.milestone.counting;

import java.time.Instant;

/**
 * The state of one scope: its distinct count and the highest threshold already settled (announced,
 * or passed by baseline registrations), which stops a threshold from firing twice. Also the value
 * of the compacted {@code milestone-counts} topic every instance reads.
 *
 * @param count distinct registrations counted
 * @param settledUpTo highest threshold that is announced or deliberately skipped
 * @param lastEventAt event time of the latest registration counted
 * @param rate recent live registrations per hour of event time
 */
public record ScopeCount(long count, long settledUpTo, Instant lastEventAt, EventRate rate) {

    static final ScopeCount ZERO = new ScopeCount(0, 0, null, EventRate.NONE);

    public ScopeCount {
        rate = rate == null ? EventRate.NONE : rate;
    }
}
