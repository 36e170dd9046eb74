package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.rules.source.RuleTestCase;
import org.fundwatch.rules.source.TestCaseContexts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every test case of every rule of the national pack ({@code tests/<rule_id>.yaml}). */
class NationalPackCasesTest {

    @Test
    void everyRuleHasAFiringAndASilentCase() {
        RulePackSource pack = TestKb.national().pack();
        assertTrue(pack.rules().size() >= 30, "rules: " + pack.rules().size());
        for (RuleMetadata rule : pack.rules()) {
            List<RuleTestCase> cases = pack.testsOf(rule.id());
            assertTrue(cases.stream().anyMatch(RuleTestCase::fires), rule.id() + " has no case that must fire");
            assertTrue(cases.stream().anyMatch(c -> !c.fires()), rule.id() + " has no case that must stay silent");
        }
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        RuleEngine engine = TestKb.national();
        return engine.pack().tests().values().stream().flatMap(List::stream)
                .map(c -> DynamicTest.dynamicTest(c.ruleId() + ": " + c.name(), () -> run(engine, c)));
    }

    private static void run(RuleEngine engine, RuleTestCase c) {
        EncounterContext ctx = TestCaseContexts.toContext(c);
        Evaluation result = engine.evaluate(ctx, c.phase());
        assertEquals(List.of(), result.failures(), c.where());
        List<Finding> mine = result.findings().stream().filter(f -> f.ruleId().equals(c.ruleId())).toList();
        if (!c.fires()) {
            assertTrue(mine.isEmpty(), () -> c.where() + ": must not fire, got " + mine);
            return;
        }
        assertFalse(mine.isEmpty(), () -> c.where() + ": must fire; all findings: " + result.findings());
        if (!c.lineIds().isEmpty()) {
            List<String> named = mine.stream().flatMap(f -> f.subject().lineIds().stream()).distinct().sorted().toList();
            assertEquals(c.lineIds().stream().sorted().toList(), named, c.where());
        }
        for (Finding f : mine) {
            assertEquals(engine.pack().rule(c.ruleId()).name(), f.ruleName());
            assertFalse(f.evidence().isEmpty(), c.where() + ": finding without evidence");
        }
    }
}
