package io.milestones.milestone.rules;

import io.milestones.events.ScopeType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The milestone rules of each counted dimension ({@code milestones.rules.<dimension>.*}). A
 * dimension without a rule is not counted at all. Checked by {@link #toRules} at start-up, which
 * names every bad setting.
 *
 * @param global the rule of the global count
 * @param country the rule of each country's count
 * @param language the rule of each language's count
 * @param campaign the rule of each campaign's count of distinct chain participants (read from
 *     {@code social-chain}); absent = the chain is not counted
 */
@ConfigurationProperties("milestones.rules")
record RulesProperties(RuleSpec global, RuleSpec country, RuleSpec language, RuleSpec campaign) {

    /** Largest threshold of a series without {@code max}. */
    static final long SERIES_MAX = 1_000_000_000_000_000_000L;

    /**
     * One dimension's rule: any combination of the three kinds, united.
     *
     * @param thresholds explicit thresholds
     * @param every a threshold every N registrations
     * @param from the first threshold of {@code every} (default: N itself)
     * @param series a round-number series such as {@code 1-2-5} (1, 2, 5, 10, 20, 50 …)
     * @param min smallest threshold of the series (default 1)
     * @param max largest threshold of the series (default 10^18)
     */
    record RuleSpec(
            List<Long> thresholds, Long every, Long from, String series, Long min, Long max) {

        ThresholdRule toRule(String path, List<String> errors) {
            List<ThresholdRule> kinds = new ArrayList<>();
            int before = errors.size();
            if (thresholds != null && !thresholds.isEmpty()) {
                for (int i = 0; i < thresholds.size(); i++) {
                    Long t = thresholds.get(i);
                    if (t == null || t <= 0) {
                        errors.add(path + ".thresholds[" + i + "] must be positive, got " + t);
                    }
                }
                if (errors.size() == before) {
                    kinds.add(new ExplicitThresholds(thresholds));
                }
            }
            every(path, errors).ifPresent(kinds::add);
            series(path, errors).ifPresent(kinds::add);
            if (kinds.isEmpty() && errors.size() == before) {
                errors.add(path + " has no rule: set thresholds, every or series");
            }
            return errors.size() == before ? AnyOf.of(kinds) : ThresholdRule.NONE;
        }

        private Optional<ThresholdRule> every(String path, List<String> errors) {
            if (every == null) {
                if (from != null) {
                    errors.add(path + ".from needs " + path + ".every");
                }
                return Optional.empty();
            }
            boolean ok = true;
            if (every <= 0) {
                errors.add(path + ".every must be positive, got " + every);
                ok = false;
            }
            if (from != null && from <= 0) {
                errors.add(path + ".from must be positive, got " + from);
                ok = false;
            }
            return ok
                    ? Optional.of(new EveryN(every, from == null ? every : from))
                    : Optional.empty();
        }

        private Optional<ThresholdRule> series(String path, List<String> errors) {
            if (series == null) {
                if (min != null || max != null) {
                    errors.add(path + ".min and .max need " + path + ".series");
                }
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new RoundNumbers(
                                series, min == null ? 1 : min, max == null ? SERIES_MAX : max));
            } catch (IllegalArgumentException e) {
                // the rule's messages start with the field they are about
                errors.add(path + "." + e.getMessage());
                return Optional.empty();
            }
        }
    }

    /**
     * The rules, or {@link InvalidRulesException} listing every bad setting by its property name.
     */
    MilestoneRules toRules(List<Double> fractions) {
        List<String> errors = new ArrayList<>();
        Map<ScopeType, ThresholdRule> rules = new EnumMap<>(ScopeType.class);
        add(rules, ScopeType.GLOBAL, global, errors);
        add(rules, ScopeType.COUNTRY, country, errors);
        add(rules, ScopeType.LANGUAGE, language, errors);
        add(rules, ScopeType.CAMPAIGN, campaign, errors);
        if (rules.isEmpty() && errors.isEmpty()) {
            errors.add(
                    "no dimension is counted: set milestones.rules.global, .country or .language"
                            + " (thresholds, every or series)");
        }
        List<Double> checked = ApproachingProperties.check(fractions, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRulesException(errors);
        }
        return new MilestoneRules(rules, checked);
    }

    private static void add(
            Map<ScopeType, ThresholdRule> rules,
            ScopeType dimension,
            RuleSpec spec,
            List<String> errors) {
        if (spec != null) {
            ThresholdRule rule = spec.toRule("milestones.rules." + dimension.id(), errors);
            if (rule != ThresholdRule.NONE) {
                rules.put(dimension, rule);
            }
        }
    }
}
