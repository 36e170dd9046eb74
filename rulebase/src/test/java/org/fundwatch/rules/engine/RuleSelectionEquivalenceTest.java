package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RuleTestCase;
import org.fundwatch.rules.source.TestCaseContexts;
import org.junit.jupiter.api.Test;

/**
 * Trigger-based rule selection gives exactly the findings of the whole phase: every pack test case and randomized
 * generated encounters (pre, mid, post; different sizes and seeds) evaluated with selection and with every rule of the
 * phase in one KieBase.
 */
class RuleSelectionEquivalenceTest {

    @Test
    void packTestCasesGiveTheSameFindings() {
        RuleEngine engine = TestKb.national();
        int withFindings = 0;
        for (List<RuleTestCase> cases : engine.pack().tests().values()) {
            for (RuleTestCase c : cases) {
                EncounterContext ctx = TestCaseContexts.toContext(c);
                List<String> selected = describe(engine.evaluate(ctx, c.phase()));
                assertEquals(describe(engine.evaluateUnselected(ctx, c.phase())), selected, c.name());
                withFindings += selected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withFindings > 50, "the firing cases fire: " + withFindings);
    }

    @Test
    void randomEncountersGiveTheSameFindings() {
        RuleEngine engine = TestKb.national();
        int findings = 0;
        int seed = 7;
        for (Phase phase : Phase.values()) {
            for (int lines : new int[] {3, 20, 45}) {
                Random random = new Random(seed++);
                for (EncounterContext ctx : EngineBenchmark.generate(engine.knowledgePack(), 120, lines, random, phase)) {
                    List<String> selected = describe(engine.evaluate(ctx, phase));
                    assertEquals(describe(engine.evaluateUnselected(ctx, phase)), selected,
                            phase + " " + ctx.currentEncounterId() + " (" + lines + " lines)");
                    findings += selected.size();
                }
            }
        }
        assertTrue(findings > 500, "generated encounters have findings: " + findings);
    }

    @Test
    void rulesThatCannotMatchAreNotSelected() {
        RuleEngine engine = TestKb.national();
        List<Object> facts = new ArrayList<>();
        EncounterContext outpatient = EngineBenchmark.generate(engine.knowledgePack(), 40, 20, new Random(3), Phase.PRE)
                .stream().filter(c -> c.encounters().get(0).careSetting() == org.fundwatch.model.CareSetting.OUTPATIENT)
                .findFirst().orElseThrow();
        FactBuilder.Facts built = new FactBuilder(engine.knowledgePack(), KnowledgeIndex.of(engine.knowledgePack()))
                .build(outpatient);
        facts.addAll(built.all());
        RuleSelector selector = new RuleSelector(engine.compiledModel().rules(name -> engine.pack().rules().stream()
                .anyMatch(r -> r.id().equals(name) && r.phases().contains(Phase.PRE))));
        Object params = new org.fundwatch.rules.engine.fact.RuleParams(engine.pack().rules());
        BitSet selected = selector.select(facts, params, id -> true, Set.of());
        List<String> names = selected.stream().mapToObj(i -> selector.names().get(i)).toList();
        // inpatient-only rules (EncounterFact( inpatient )) and rules over facts an outpatient visit does not have
        assertFalse(names.contains("billing-date"), names.toString());
        assertFalse(names.contains("split-admission"), names.toString());
        assertFalse(names.contains("consumable-quantity"), names.toString());
        // a rule with only parameter joins on encounter-level facts stays
        assertTrue(names.contains("doctor-hour-volume"), names.toString());
        assertTrue(names.size() < selector.size(), names.size() + " of " + selector.size());
        // excluded rules (after a failing condition) are never selected
        BitSet without = selector.select(facts, params, id -> true, Set.of("doctor-hour-volume"));
        assertFalse(without.get(selector.indexOf("doctor-hour-volume")));
        long phaseRules = engine.pack().rules().stream().map(RuleMetadata::phases).filter(p -> p.contains(Phase.PRE)).count();
        assertEquals(phaseRules, selector.size());
    }

    /** Findings as comparable text (order-independent), then the failures. */
    private static List<String> describe(Evaluation e) {
        List<String> out = new ArrayList<>();
        for (Finding f : e.findings()) {
            out.add(f.id() + " " + f.ruleId() + " " + f.subject() + " " + f.amountAtRisk() + " " + f.evidence());
        }
        out.sort(null);
        e.failures().forEach(f -> out.add("failure " + f));
        return out;
    }
}
