package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack in which a consequence inserts facts keeps every rule in Drools: a plain rule matching the derived facts
 * would not see them outside the session.
 */
class DirectRulesDerivedFactsTest {
    @TempDir
    Path dir;

    @Test
    void rulesMatchingDerivedFactsStayInDrools() throws Exception {
        String drl = TestPacksDir.HEADER + """
                declare Flag
                    code : String
                end

                rule "derive"
                when
                    $l : LineFact( current )
                then
                    insert(new Flag($l.getItemCode()));
                end

                rule "uses-derived"
                when
                    $f : Flag( )
                then
                    out.encounter(0, "派生", $f.getCode());
                end

                rule "plain"
                when
                    $l : LineFact( current )
                then
                    out.line($l, "明细", $l.getItemCode());
                end
                """;
        String meta = TestPacksDir.meta("derive") + TestPacksDir.meta("uses-derived") + TestPacksDir.meta("plain");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, drl, meta)), TestKb.kb())
                .withDirectRules(true);
        assertEquals(Set.of(), engine.directRuleNames());
        EncounterContext ctx = SampleRequestTest.sample();
        Evaluation result = engine.evaluate(ctx, ctx.phase());
        assertEquals(java.util.List.of(), result.failures());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("uses-derived")), result.findings()::toString);
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("plain")), result.findings()::toString);
    }
}
