package io.milestones.milestone.counting;

import io.milestones.events.MilestoneEvent;

/**
 * What the {@link ScopeCounter} emits: a milestone event for {@code milestones}, or a scope's count
 * for {@code milestone-counts} (exactly one of the two is set).
 */
record CounterOutput(MilestoneEvent event, ScopeCount count) {

    static CounterOutput of(MilestoneEvent event) {
        return new CounterOutput(event, null);
    }

    static CounterOutput of(ScopeCount count) {
        return new CounterOutput(null, count);
    }

    boolean isEvent() {
        return event != null;
    }
}
