package org.fundwatch.rules.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackTable;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackException;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.rules.source.RuleTestCase;

/**
 * The checks of {@code rules validate}, on top of what {@link RulePackSource#load} checks (syntax, metadata fields,
 * DRL rule ↔ metadata entry): every table a rule names is a knowledge-pack table ({@link PackTable}); every rule has
 * at least one {@code fires} and one {@code silent} test case; and it compiles against the knowledge pack (the engine
 * also checks {@code kb_compatible}). Problems are {@code file:line: message}.
 */
public final class PackValidator {
    private static final Set<String> TABLES = PackTable.all().stream().map(PackTable::name)
            .collect(Collectors.toUnmodifiableSet());

    private PackValidator() {
    }

    /** The outcome: the loaded source (null when it could not be read) and every problem. */
    public record Result(RulePackSource source, RuleEngine engine, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Validates the pack in {@code dir}; compiles against {@code kb} when the structural checks pass. */
    public static Result validate(java.nio.file.Path dir, KnowledgePack kb) {
        RulePackSource source;
        try {
            source = RulePackSource.load(dir);
        } catch (RulePackException e) {
            return new Result(null, null, e.problems());
        }
        List<String> problems = new ArrayList<>(structure(source));
        RuleEngine engine = null;
        if (problems.isEmpty()) {
            try {
                engine = RuleEngine.compile(source, kb);
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            }
        }
        return new Result(source, engine, problems);
    }

    /** Table names and test presence (no knowledge pack needed). */
    public static List<String> structure(RulePackSource source) {
        List<String> problems = new ArrayList<>();
        for (RuleMetadata rule : source.rules()) {
            String where = rule.file() + ":" + rule.line() + ": rule " + rule.id() + ": ";
            for (String table : rule.tables()) {
                if (!TABLES.contains(table)) {
                    problems.add(where + "unknown knowledge table '" + table + "' (known: "
                            + String.join(", ", TABLES.stream().sorted().toList()) + ")");
                }
            }
            List<RuleTestCase> cases = source.testsOf(rule.id());
            String tests = "tests/" + rule.id() + ".yaml";
            if (cases.isEmpty()) {
                problems.add(where + "no test cases; add " + tests + " with at least one fires and one silent case");
                continue;
            }
            if (cases.stream().noneMatch(RuleTestCase::fires)) {
                problems.add(tests + ":1: rule " + rule.id() + ": no case with expect.fires: true");
            }
            if (cases.stream().allMatch(RuleTestCase::fires)) {
                problems.add(tests + ":1: rule " + rule.id() + ": no silent case (expect.fires: false)");
            }
        }
        return problems;
    }
}
