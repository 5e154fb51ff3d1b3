package io.milestones.milestone.rules;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When to announce that a milestone is near ({@code milestones.approaching.fractions}).
 *
 * @param fractions fractions of each upcoming threshold, e.g. {@code [0.99, 0.999]}; each emits one
 *     {@code MilestoneApproaching} per milestone. Empty: none.
 */
@ConfigurationProperties("milestones.approaching")
record ApproachingProperties(@DefaultValue List<Double> fractions) {

    /** The fractions ascending and distinct; adds a message per bad one to {@code errors}. */
    static List<Double> check(List<Double> fractions, List<String> errors) {
        if (fractions == null) {
            return List.of();
        }
        for (int i = 0; i < fractions.size(); i++) {
            Double f = fractions.get(i);
            if (f == null || !(f > 0 && f < 1)) {
                errors.add(
                        "milestones.approaching.fractions["
                                + i
                                + "] must lie between 0 and 1 (exclusive), got "
                                + f);
            }
        }
        return fractions.stream().filter(f -> f != null).sorted().distinct().toList();
    }
}
