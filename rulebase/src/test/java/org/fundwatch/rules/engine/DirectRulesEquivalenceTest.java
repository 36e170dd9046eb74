package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RuleTestCase;
import org.fundwatch.rules.source.TestCaseContexts;
import org.junit.jupiter.api.Test;

/**
 * Plain rules evaluated outside Drools ({@link DirectRules}) give exactly the findings — ids, amounts, evidence — and
 * failures of evaluating every rule in Drools, over every test case of the national pack and generated encounters of
 * every phase.
 */
class DirectRulesEquivalenceTest {
    private final RuleEngine direct = TestKb.national().withDirectRules(true);
    private final RuleEngine drools = TestKb.national().withDirectRules(false);

    @Test
    void everyNationalRuleIsDirect() {
        Set<String> names = direct.directRuleNames();
        // knowledge-table templates joined to the patient / encounter, DRG and data-quality checks
        assertTrue(names.containsAll(Set.of("drug-gender", "drug-indication", "item-price-cap", "settlement-total",
                "drg-high-cost", "item-duplicate-charge", "split-admission")), names::toString);
        // not patterns, with bindings ($atc, $code, $rx) read by them
        assertTrue(names.containsAll(Set.of("drug-second-line", "tcm-piece-single-not-paid", "internet-first-visit",
                "consumable-without-item", "home-visit-without-service", "drug-item-mismatch")), names::toString);
        // accumulates (count; collectList and sum) with constraints on their results, and eval
        assertTrue(names.containsAll(Set.of("frequent-outpatient", "frequent-pharmacy", "frequent-inpatient",
                "service-after-death")), names::toString);
        Set<String> all = new TreeSet<>();
        direct.pack().rules().forEach(r -> all.add(r.id()));
        assertEquals(all, new TreeSet<>(names), "every rule of the national pack is direct");
        assertEquals(Set.of(), drools.directRuleNames());
    }

    @Test
    void packTestCasesGiveTheSameFindings() {
        int findings = 0;
        for (List<RuleTestCase> cases : direct.pack().tests().values()) {
            for (RuleTestCase c : cases) {
                findings += assertSame(TestCaseContexts.toContext(c), c.phase(), c.where());
            }
        }
        assertTrue(findings > 50, "findings compared: " + findings);
    }

    @Test
    void generatedEncountersGiveTheSameFindings() {
        int findings = 0;
        for (Phase phase : Phase.values()) {
            for (int historyLines : new int[] {1, 20}) {
                List<EncounterContext> contexts = EngineBenchmark.generate(direct.knowledgePack(), 150, 20, historyLines,
                        new Random(7L * historyLines + phase.ordinal()), phase);
                for (int i = 0; i < contexts.size(); i++) {
                    findings += assertSame(contexts.get(i), phase, phase + " #" + i + " history " + historyLines);
                }
            }
        }
        assertTrue(findings > 500, "findings compared: " + findings);
    }

    /** Asserts equal findings and failures; returns how many findings were compared. */
    private int assertSame(EncounterContext ctx, Phase phase, String where) {
        Evaluation a = direct.evaluate(ctx, phase);
        Evaluation b = drools.evaluate(ctx, phase);
        assertEquals(describe(b), describe(a), where);
        assertEquals(new TreeSet<>(b.failures().stream().map(RuleFailure::toString).toList()),
                new TreeSet<>(a.failures().stream().map(RuleFailure::toString).toList()), where);
        return a.findings().size();
    }

    private static Set<String> describe(Evaluation e) {
        Set<String> out = new TreeSet<>();
        List<String> dup = new ArrayList<>();
        for (Finding f : e.findings()) {
            String s = f.id() + " " + f.ruleId() + " " + f.amountAtRisk() + " " + f.subject() + " " + f.evidence();
            if (!out.add(s)) {
                dup.add(s);
            }
        }
        out.addAll(dup.stream().map(s -> "DUPLICATE " + s).toList());
        return out;
    }
}
