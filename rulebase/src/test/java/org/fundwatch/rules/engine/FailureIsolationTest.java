package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws in its condition or consequence is reported as a failure; the other rules still fire — for rules
 * evaluated outside Drools ({@link DirectRules}) and in the Drools network alike.
 */
class FailureIsolationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "direct rules {0}")
    @ValueSource(booleans = {true, false})
    void throwingRulesAreIsolated(boolean directRules) throws Exception {
        String drl = TestPacksDir.HEADER + """
                rule "good"
                when
                    $p : PatientFact( genderKnown )
                    $l : LineFact( current, genderOnly != null, genderOnly != $p.genderCode )
                then
                    out.line($l, "药品编码", $l.getItemCode());
                end

                rule "condition-throws"
                when
                    $l : LineFact( current, itemCode.substring(100).length() > 0 )
                then
                    out.line($l, "never", "reached");
                end

                rule "consequence-throws"
                when
                    $l : LineFact( current )
                then
                    out.line($l, "partial", "finding");
                    throw new IllegalStateException("boom in " + $l.getLineId());
                end

                // date-effective keeps the network-* rules in Drools (a direct rule cannot have it); the same
                // constraint as condition-throws: Drools names both rules in its error
                rule "network-condition-throws"
                date-effective "01-Jan-2000"
                when
                    $l : LineFact( current, itemCode.substring(100).length() > 0 )
                then
                    out.line($l, "never", "reached");
                end

                rule "network-good"
                date-effective "01-Jan-2000"
                when
                    $l : LineFact( current )
                then
                    out.line($l, "明细", $l.getItemCode());
                end

                rule "also-good"
                when
                    $l : LineFact( current, medicine )
                then
                    out.line($l, "药品", $l.getItemCode());
                end
                """;
        String meta = TestPacksDir.meta("good") + TestPacksDir.meta("condition-throws")
                + TestPacksDir.meta("consequence-throws") + TestPacksDir.meta("also-good")
                + TestPacksDir.meta("network-condition-throws") + TestPacksDir.meta("network-good");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, drl, meta)), TestKb.kb())
                .withDirectRules(directRules);
        assertEquals(directRules ? Set.of("good", "condition-throws", "consequence-throws", "also-good") : Set.of(),
                engine.directRuleNames());
        EncounterContext ctx = SampleRequestTest.sample();
        for (int round = 0; round < 2; round++) { // the second round runs on the cached variant
            Evaluation result = engine.evaluate(ctx, ctx.phase());
            Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
            assertEquals(Set.of("good", "also-good", "network-good"), fired, () -> "findings " + result.findings());
            Set<String> failed = result.failures().stream().map(RuleFailure::ruleId).collect(Collectors.toSet());
            assertEquals(Set.of("condition-throws", "consequence-throws", "network-condition-throws"), failed,
                    () -> "failures " + result.failures());
            assertEquals(3, result.failures().size(), () -> "each failure once: " + result.failures());
            RuleFailure rhs = result.failures().stream().filter(f -> f.ruleId().equals("consequence-throws")).findFirst()
                    .orElseThrow();
            assertEquals("consequence", rhs.where());
            assertTrue(rhs.message().contains("boom in RX0001"), rhs.message());
            assertEquals("condition", result.failures().stream().filter(f -> f.ruleId().equals("condition-throws"))
                    .findFirst().orElseThrow().where());
            assertEquals(List.of("RX0001"), result.findings().stream().filter(f -> f.ruleId().equals("good"))
                    .flatMap(f -> f.subject().lineIds().stream()).toList());
        }
    }
}
