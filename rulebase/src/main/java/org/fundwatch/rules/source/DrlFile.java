package org.fundwatch.rules.source;

import java.util.List;

/**
 * One {@code rules/*.drl} file: its path relative to the pack directory, its text and the rules it declares.
 */
public record DrlFile(String path, String text, List<DeclaredRule> rules) {
    public DrlFile {
        rules = List.copyOf(rules);
    }

    /** A rule declared in a DRL file, with the line of its {@code rule} keyword. */
    public record DeclaredRule(String name, int line) {}
}
