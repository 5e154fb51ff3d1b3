package io.milestones.milestone.rules;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The threshold rule of every counted dimension. A dimension without a rule is not counted at all.
 */
public final class MilestoneRules {

    private final Map<ScopeType, ThresholdRule> rules;

    public MilestoneRules(Map<ScopeType, ThresholdRule> rules) {
        this.rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
    }

    /** The dimensions counted. */
    public Set<ScopeType> dimensions() {
        return rules.keySet();
    }

    public ThresholdRule ruleFor(Scope scope) {
        return rules.getOrDefault(scope.type(), ThresholdRule.NONE);
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
