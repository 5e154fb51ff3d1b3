package io.milestones.milestone.rules;

import io.milestones.events.ScopeType;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds per counted dimension, e.g. {@code milestones.rules.global.thresholds=5,10}.
 *
 * @param global the rule for the global count
 * @param country the rule for each country's count
 */
@Validated
@ConfigurationProperties("milestones.rules")
record RulesProperties(RuleSpec global, RuleSpec country) {

    /**
     * @param thresholds the explicit thresholds
     */
    record RuleSpec(@NotEmpty List<@Positive Long> thresholds) {
        ThresholdRule toRule() {
            return new ExplicitThresholds(thresholds);
        }
    }

    MilestoneRules toRules() {
        Map<ScopeType, ThresholdRule> rules = new EnumMap<>(ScopeType.class);
        if (global != null) {
            rules.put(ScopeType.GLOBAL, global.toRule());
        }
        if (country != null) {
            rules.put(ScopeType.COUNTRY, country.toRule());
        }
        return new MilestoneRules(rules);
    }
}
