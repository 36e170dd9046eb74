package org.fundwatch.rules.source;

import java.util.List;

/**
 * A rule pack that cannot be read or compiled. {@link #problems()} lists every problem as
 * {@code <file>:<line>: <message>} (file relative to the pack directory), so authors can jump to it.
 */
public final class RulePackException extends RuntimeException {
    private final List<String> problems;

    public RulePackException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public RulePackException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
