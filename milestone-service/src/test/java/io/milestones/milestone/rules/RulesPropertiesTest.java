package io.milestones.milestone.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.events.Scope;
import io.milestones.milestone.rules.RulesProperties.RuleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesPropertiesTest {

    @Test
    void shouldCombineKindsOnOneDimension() {
        var rules =
                new RulesProperties(
                                new RuleSpec(List.of(3L), 10L, null, "1-2-5", 50L, 100L),
                                null,
                                new RuleSpec(null, 2L, 1L, null, null, null),
                                null)
                        .toRules(List.of(0.9));

        assertThat(rules.ruleFor(Scope.GLOBAL).crossed(0, 100).toArray())
                .containsExactly(3, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(rules.ruleFor(Scope.language("it")).crossed(0, 6).toArray())
                .containsExactly(1, 3, 5);
        assertThat(rules.ruleFor(Scope.country("IT")).crossed(0, 100).toArray()).isEmpty();
        assertThat(rules.dimensions()).hasSize(2);
        assertThat(rules.approachFractions()).containsExactly(0.9);
    }

    @Test
    void shouldNameEveryBadSettingAtOnce() {
        var properties =
                new RulesProperties(
                        new RuleSpec(List.of(5L, 0L), null, null, null, null, null),
                        new RuleSpec(null, -5L, null, null, null, null),
                        new RuleSpec(null, null, 3L, "1-2-x", null, null),
                        null);

        assertThatThrownBy(() -> properties.toRules(List.of(0.99, 1.5)))
                .isInstanceOf(InvalidRulesException.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidRulesException) e).problems())
                                        .containsExactly(
                                                "milestones.rules.global.thresholds[1] must be"
                                                        + " positive, got 0",
                                                "milestones.rules.country.every must be positive,"
                                                        + " got -5",
                                                "milestones.rules.language.from needs"
                                                        + " milestones.rules.language.every",
                                                "milestones.rules.language.series must be"
                                                        + " mantissas separated by '-', e.g."
                                                        + " \"1-2-5\", got \"1-2-x\"",
                                                "milestones.approaching.fractions[1] must lie"
                                                        + " between 0 and 1 (exclusive), got 1.5"));
    }

    @Test
    void shouldRejectADimensionWithoutAnyRuleAndNoDimensionAtAll() {
        assertThatThrownBy(
                        () ->
                                new RulesProperties(
                                                new RuleSpec(
                                                        List.of(), null, null, null, null, null),
                                                null,
                                                null,
                                                null)
                                        .toRules(List.of()))
                .hasMessageContaining(
                        "milestones.rules.global has no rule: set thresholds, every or series");
        assertThatThrownBy(() -> new RulesProperties(null, null, null, null).toRules(List.of()))
                .hasMessageContaining("no dimension is counted");
        assertThatThrownBy(
                        () ->
                                new RulesProperties(
                                                new RuleSpec(null, null, null, null, 5L, null),
                                                null,
                                                null,
                                                null)
                                        .toRules(List.of()))
                .hasMessageContaining("milestones.rules.global.min and .max need");
    }
}
