package org.fundwatch.rules.engine;

/**
 * A rule that threw during an evaluation; it produced no finding for that encounter, the other rules ran.
 *
 * @param ruleId the rule, or {@code null} when the engine could not tell which rule failed
 * @param where  {@code condition} (LHS) or {@code consequence} (RHS)
 */
public record RuleFailure(String ruleId, String where, String message) {
}
