package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes the national pack does not use — {@code exists}, a {@code not} joined to two earlier patterns, a binding read
 * by a later positive pattern and by the consequence — give the same findings outside Drools as inside.
 */
class DirectRulesShapesTest {
    @TempDir
    Path dir;

    @Test
    void existsNotAndBindingsMatchDrools() throws Exception {
        String drl = TestPacksDir.HEADER + """
                rule "exists-shared-prescription"
                when
                    $l : LineFact( current, prescriptionNo != null, $rx : prescriptionNo )
                    exists LineFact( this != $l, prescriptionNo == $rx )
                then
                    out.line($l, "处方", $rx);
                end

                rule "not-item-same-day"
                when
                    $p : PatientFact( )
                    $l : LineFact( current, medicine, day >= 0 )
                    not LineFact( !medicine, day == $l.day, doctorCode == $l.doctorCode )
                then
                    out.line($l, "日", $l.getDay(), "性别", $p.getGenderCode());
                end

                rule "binding-joins-later-pattern"
                when
                    $a : LineFact( current, medicine, $day : day )
                    $b : LineFact( current, this != $a, day == $day, amountFen > $a.amountFen )
                then
                    out.line($b, "同日", $day, "较小明细", $a.getLineId());
                end
                """;
        String meta = TestPacksDir.meta("exists-shared-prescription") + TestPacksDir.meta("not-item-same-day")
                + TestPacksDir.meta("binding-joins-later-pattern");
        RuleEngine compiled = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, drl, meta)), TestKb.kb());
        RuleEngine direct = compiled.withDirectRules(true);
        RuleEngine drools = compiled.withDirectRules(false);
        assertEquals(Set.of("exists-shared-prescription", "not-item-same-day", "binding-joins-later-pattern"),
                direct.directRuleNames());
        Set<String> fired = new TreeSet<>();
        for (Phase phase : List.of(Phase.PRE, Phase.MID)) {
            for (EncounterContext ctx : EngineBenchmark.generate(TestKb.kb(), 100, 20, 1, new Random(phase.ordinal()), phase)) {
                Set<String> a = new TreeSet<>();
                Set<String> b = new TreeSet<>();
                direct.evaluate(ctx, phase).findings().forEach(f -> a.add(f.id() + " " + f.evidence() + " " + f.amountAtRisk()));
                drools.evaluate(ctx, phase).findings().forEach(f -> b.add(f.id() + " " + f.evidence() + " " + f.amountAtRisk()));
                assertEquals(b, a, ctx.currentEncounterId());
                direct.evaluate(ctx, phase).findings().forEach(f -> fired.add(f.ruleId()));
            }
        }
        assertEquals(direct.directRuleNames(), fired, "every shape fires somewhere");
        assertTrue(fired.size() == 3);
    }
}
