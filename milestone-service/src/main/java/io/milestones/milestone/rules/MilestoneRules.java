package io.milestones.milestone.rules;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The threshold rule of every counted dimension, and the fractions of a threshold at which it is
 * announced as approaching. A dimension without a rule is not counted at all.
 */
public final class MilestoneRules {

    private final Map<ScopeType, ThresholdRule> rules;
    private final List<Double> approachFractions;

    public MilestoneRules(Map<ScopeType, ThresholdRule> rules) {
        this(rules, List.of());
    }

    /**
     * @param rules the rule of each counted dimension
     * @param approachFractions fractions in (0, 1) of a threshold that announce it as approaching
     */
    public MilestoneRules(Map<ScopeType, ThresholdRule> rules, List<Double> approachFractions) {
        this.rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
        for (double f : approachFractions) {
            if (!(f > 0 && f < 1)) {
                throw new IllegalArgumentException("fractions must lie in (0, 1), got " + f);
            }
        }
        this.approachFractions = approachFractions.stream().sorted().distinct().toList();
    }

    /** The dimensions counted. */
    public Set<ScopeType> dimensions() {
        return rules.keySet();
    }

    public ThresholdRule ruleFor(Scope scope) {
        return rules.getOrDefault(scope.type(), ThresholdRule.NONE);
    }

    /** Ascending fractions of a threshold that announce it as approaching. */
    public List<Double> approachFractions() {
        return approachFractions;
    }

    @Override
    public String toString() {
        return rules + (approachFractions.isEmpty() ? "" : ", approaching at " + approachFractions);
    }
}
