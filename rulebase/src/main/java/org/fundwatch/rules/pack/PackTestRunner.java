package org.fundwatch.rules.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.Evaluation;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.engine.RuleFailure;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.rules.source.RuleTestCase;
import org.fundwatch.rules.source.TestCaseContexts;

/**
 * Runs every test case of a pack through the engine: the case passes when the rule under test fires exactly when
 * {@code expect.fires} says so, names every expected line id, and does not fail (throw) on the case.
 */
public final class PackTestRunner {
    private PackTestRunner() {
    }

    /** The result of one rule's cases. */
    public record RuleResult(String ruleId, String name, int cases, int passed, List<CaseFailure> failures) {
        public int failed() {
            return failures.size();
        }
    }

    /** A failing case and why. */
    public record CaseFailure(String where, String message) {
    }

    /** Every rule's result, in metadata order. */
    public record Report(String kbVersion, List<RuleResult> rules) {
        public int cases() {
            return rules.stream().mapToInt(RuleResult::cases).sum();
        }

        public int passed() {
            return rules.stream().mapToInt(RuleResult::passed).sum();
        }

        public int failed() {
            return rules.stream().mapToInt(RuleResult::failed).sum();
        }

        /** The summary recorded in a built artifact. */
        public TestSummary summary() {
            return new TestSummary(kbVersion, rules.size(), cases(), passed(), failed());
        }
    }

    /** Compiles {@code source} against {@code kb} and runs its cases. */
    public static Report run(RulePackSource source, KnowledgePack kb) {
        return run(source, RuleEngine.compile(source, kb), kb.version());
    }

    /** Runs {@code source}'s cases on an engine compiled from it. */
    public static Report run(RulePackSource source, RuleEngine engine, String kbVersion) {
        List<RuleResult> results = new ArrayList<>();
        for (RuleMetadata rule : source.rules()) {
            List<RuleTestCase> cases = source.testsOf(rule.id());
            List<CaseFailure> failures = new ArrayList<>();
            for (RuleTestCase c : cases) {
                String problem = check(engine, c);
                if (problem != null) {
                    failures.add(new CaseFailure(c.where(), problem));
                }
            }
            results.add(new RuleResult(rule.id(), rule.name(), cases.size(), cases.size() - failures.size(), failures));
        }
        return new Report(kbVersion, results);
    }

    /** Null when the case passes, else what went wrong. */
    static String check(RuleEngine engine, RuleTestCase c) {
        Evaluation evaluation;
        try {
            EncounterContext context = TestCaseContexts.toContext(c);
            evaluation = engine.evaluate(context, c.phase());
        } catch (RuntimeException e) {
            return "could not evaluate: " + e.getMessage();
        }
        for (RuleFailure f : evaluation.failures()) {
            if (f.ruleId() == null || f.ruleId().equals(c.ruleId())) {
                return "rule failed in its " + f.where() + ": " + f.message();
            }
        }
        List<Finding> mine = evaluation.findings().stream().filter(f -> f.ruleId().equals(c.ruleId())).toList();
        if (c.fires() && mine.isEmpty()) {
            return "expected a finding of " + c.ruleId() + ", got none";
        }
        if (!c.fires() && !mine.isEmpty()) {
            return "expected no finding, got " + mine.size() + ": " + mine.get(0).evidence();
        }
        if (!c.lineIds().isEmpty()) {
            Set<String> named = new HashSet<>();
            mine.forEach(f -> named.addAll(f.subject().lineIds()));
            List<String> missing = c.lineIds().stream().filter(id -> !named.contains(id)).toList();
            if (!missing.isEmpty()) {
                return "findings name lines " + named + ", expected also " + missing;
            }
        }
        return null;
    }
}
