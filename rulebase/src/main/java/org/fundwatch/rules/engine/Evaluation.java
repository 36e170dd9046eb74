package org.fundwatch.rules.engine;

import java.util.List;

/** The result of evaluating one encounter: the findings and the rules that failed (isolated, not fatal). */
public record Evaluation(List<Finding> findings, List<RuleFailure> failures) {
    /** No findings, no failures. */
    public static final Evaluation EMPTY = new Evaluation(List.of(), List.of());

    public Evaluation {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
    }
}
