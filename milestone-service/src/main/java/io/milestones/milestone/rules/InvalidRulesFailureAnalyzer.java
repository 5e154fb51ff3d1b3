package io.milestones.milestone.rules;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints bad milestone rules as Boot's start-up failure report instead of a stack trace. */
public final class InvalidRulesFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidRulesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulesException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the settings named above in milestone-service.yml or their environment"
                        + " variables (MILESTONES_RULES_...). Each dimension takes thresholds,"
                        + " every (+ from) and/or series (+ min, max).",
                cause);
    }
}
