package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import java.time.Instant;
import java.util.List;

/**
 * Distinct registrations adding to one scope's count; the value of the internal repartition topic,
 * keyed by scope id.
 *
 * @param delta how many distinct registrations this increment stands for
 * @param crossedBy the (last) registration behind it, named in a milestone it crosses
 * @param registeredAt its event time
 * @param baseline whether these are imported registrations that must not be celebrated
 * @param members for a partial sum ({@code delta > 1}): every registration in it, in counting
 *     order, so that a threshold inside the sum names exactly the one that crossed it; absent when
 *     unknown (a sum begun before a crash or a task move), then the last one is named
 */
record ScopeIncrement(
        long delta,
        CrossedBy crossedBy,
        Instant registeredAt,
        boolean baseline,
        List<Member> members) {

    /** One registration. */
    ScopeIncrement(CrossedBy crossedBy, Instant registeredAt, boolean baseline) {
        this(1, crossedBy, registeredAt, baseline, null);
    }

    /**
     * A registration within a partial sum.
     *
     * @param crossedBy who registered
     * @param registeredAt when (event time)
     * @param traceParent the W3C trace context of its registration, if it carried one
     */
    record Member(CrossedBy crossedBy, Instant registeredAt, String traceParent) {}

    /** Whether each registration of this increment is known. */
    boolean itemized() {
        return members != null && members.size() == delta;
    }

    /** The {@code index}-th registration (0-based), or the last one when not itemized. */
    Member member(long index) {
        return itemized() ? members.get((int) index) : new Member(crossedBy, registeredAt, null);
    }
}
