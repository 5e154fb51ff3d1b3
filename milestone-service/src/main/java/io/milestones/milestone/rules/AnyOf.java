package io.milestones.milestone.rules;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Several rules on one dimension: their union, each threshold once, ascending. */
public final class AnyOf implements ThresholdRule {

    private final List<ThresholdRule> rules;

    public AnyOf(List<ThresholdRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one rule");
        }
        this.rules = List.copyOf(rules);
    }

    /** One rule as it is, several as their union. */
    public static ThresholdRule of(List<ThresholdRule> rules) {
        return rules.size() == 1 ? rules.get(0) : new AnyOf(rules);
    }

    @Override
    public LongStream crossed(long previous, long current) {
        return rules.stream()
                .flatMapToLong(rule -> rule.crossed(previous, current))
                .sorted()
                .distinct();
    }

    @Override
    public OptionalLong next(long current) {
        return rules.stream()
                .map(rule -> rule.next(current))
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    @Override
    public String toString() {
        return rules.stream().map(Object::toString).collect(Collectors.joining(" + "));
    }
}
