package io.milestones.milestone.rules;

import java.util.List;

/** The configured milestone rules make no sense; start-up stops with every reason listed. */
public final class InvalidRulesException extends IllegalStateException {

    private final List<String> problems;

    InvalidRulesException(List<String> problems) {
        super("Invalid milestone rules:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
