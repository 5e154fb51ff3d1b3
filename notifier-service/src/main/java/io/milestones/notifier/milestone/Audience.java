package io.milestones.notifier.milestone;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;

/**
 * Whose milestone it is: the subscribers of a scope hear of its milestones. Nobody subscribes to a
 * campaign's chain on its own; its milestones ("500 teachers have answered #1MeTwinners!") belong
 * to the whole community and go to the subscribers of the global count.
 */
public final class Audience {

    private Audience() {}

    /** The subscription scope whose subscribers receive the milestones of {@code scope}. */
    public static String of(Scope scope) {
        return scope.type() == ScopeType.CAMPAIGN ? Scope.GLOBAL.id() : scope.id();
    }
}
