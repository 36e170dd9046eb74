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
 * by a later positive pattern and by the consequence, accumulates joined to earlier patterns, over no facts, with
 * several functions, results read by later patterns and evals — give the same findings outside Drools as inside.
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
        assertSameAsDrools(drl, meta, Set.of("exists-shared-prescription", "not-item-same-day",
                "binding-joins-later-pattern"));
    }

    @Test
    void accumulatesAndEvalsMatchDrools() throws Exception {
        String drl = TestPacksDir.HEADER + """
                rule "accumulate-joined-to-earlier-pattern"
                when
                    $p : PatientFact( )
                    $l : LineFact( current, medicine, prescriptionNo != null )
                    accumulate( LineFact( prescriptionNo == $l.prescriptionNo, $fen : amountFen );
                                $n : count(), $sum : sum( $fen ), $ids : collectList( $fen ); $n >= 2 )
                then
                    out.line($l, "处方明细数", $n, "处方金额", $sum, "金额", $ids, "性别", $p.getGenderCode());
                end

                rule "accumulate-over-no-facts"
                when
                    $p : PatientFact( )
                    accumulate( LineFact( current, itemCode == "NO-SUCH-CODE" ); $n : count() )
                    eval( $n == 0 )
                then
                    out.encounter(0, "个数", $n);
                end

                rule "accumulate-result-read-by-later-pattern"
                when
                    accumulate( LineFact( current, $a : amountFen, $c : itemCode ); $max : max( $a ), $min : min( $a ),
                                $avg : average( $a ), $codes : collectSet( $c ) )
                    $l : LineFact( current, amountFen == $max )
                    eval( $max > $min && $codes.size() > 1 )
                then
                    out.line($l, "最大金额", $max, "平均", $avg, "编码数", $codes.size());
                end

                rule "eval-on-patterns"
                when
                    $p : PatientFact( genderKnown )
                    $l : LineFact( current, $day : day )
                    eval( $day % 3 == 0 && $p.getGenderCode() != null )
                then
                    out.line($l, "日", $day);
                end
                """;
        String meta = TestPacksDir.meta("accumulate-joined-to-earlier-pattern")
                + TestPacksDir.meta("accumulate-over-no-facts")
                + TestPacksDir.meta("accumulate-result-read-by-later-pattern") + TestPacksDir.meta("eval-on-patterns");
        assertSameAsDrools(drl, meta, Set.of("accumulate-joined-to-earlier-pattern", "accumulate-over-no-facts",
                "accumulate-result-read-by-later-pattern", "eval-on-patterns"));
    }

    @Test
    void constraintsOnTheRuleParametersMatchDrools() throws Exception {
        String drl = TestPacksDir.HEADER + """
                import org.fundwatch.rules.engine.fact.RuleParams;

                rule "params-first"
                when
                    $p : RuleParams()
                    $l : LineFact( current, $p.anyPrefix("params-first", "prefixes", itemCode, 0, "0,X,T"),
                                   RuleParams.startsWithAny(itemCode, $p.list("params-first", "more", "00,XA")) )
                then
                    out.line($l, "编码", $l.getItemCode());
                end

                rule "params-with-a-constraint-stay-a-join"
                when
                    $p : RuleParams( this != null )
                    $l : LineFact( current, medicine, $p.anyPrefix("params-with-a-constraint-stay-a-join", "p", itemCode, 1, "A,B,C") )
                then
                    out.line($l, "编码", $l.getItemCode());
                end

                rule "params-and-patient"
                when
                    $p : RuleParams()
                    $pt : PatientFact( )
                    $l : LineFact( current, amountFen > $p.integer("params-and-patient", "min_fen", 10000),
                                   genderOnly == null || genderOnly != $pt.genderCode )
                then
                    out.line($l, "金额", $l.getAmountFen());
                end
                """;
        String meta = TestPacksDir.meta("params-first") + TestPacksDir.meta("params-with-a-constraint-stay-a-join")
                + TestPacksDir.meta("params-and-patient");
        assertSameAsDrools(drl, meta, Set.of("params-first", "params-with-a-constraint-stay-a-join", "params-and-patient"));
        // the constraints reading only the line and the unconstrained parameters pattern are alpha nodes
        CompiledRules model = RuleEngine.compile(RulePackSource.load(dir), TestKb.kb()).compiledModel();
        assertEquals(2, withConstant(model, "params-first"));
        assertEquals(0, withConstant(model, "params-with-a-constraint-stay-a-join"));
        assertEquals(1, withConstant(model, "params-and-patient"));
    }

    private static long withConstant(CompiledRules model, String rule) {
        DirectRule direct = DirectRule.of(model.rules().stream().filter(r -> r.getName().equals(rule)).findFirst()
                .orElseThrow(), org.fundwatch.rules.engine.fact.RuleParams.class);
        return direct.alpha().stream().flatMap(List::stream).filter(a -> a.withConstant() != null).count();
    }

    /** Compiles {@code drl}: {@code expectedDirect} are direct rules, and each fires somewhere with Drools' findings. */
    @Test
    void scenesAreSelectedForEachEvaluation() throws Exception {
        // One thread evaluates inpatient (med_type 21) and outpatient (11) encounters in random order: the rules a
        // scene selects must follow each evaluation's scene, though the engine remembers the previous selection.
        String drl = TestPacksDir.HEADER + """
                rule "inpatient-only"
                when
                    $l : LineFact( current, medicine )
                then
                    out.line($l, "场景", "住院");
                end

                rule "outpatient-only"
                when
                    $l : LineFact( current, !medicine )
                then
                    out.line($l, "场景", "门诊");
                end
                """;
        String meta = TestPacksDir.meta("inpatient-only").replace("  severity:", "  scenes: { trig_scen: [], med_type: [\"21\"], internet: any }\n  severity:")
                + TestPacksDir.meta("outpatient-only").replace("  severity:", "  scenes: { trig_scen: [], med_type: [\"11\"], internet: any }\n  severity:");
        assertSameAsDrools(drl, meta, Set.of("inpatient-only", "outpatient-only"));
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, drl, meta)), TestKb.kb());
        int inpatient = 0;
        int outpatient = 0;
        for (EncounterContext ctx : EngineBenchmark.generate(TestKb.kb(), 60, 20, 1, new Random(5), Phase.PRE)) {
            String medType = ctx.encounters().get(0).medType();
            Set<String> rules = new TreeSet<>();
            engine.evaluate(ctx, Phase.PRE).findings().forEach(f -> rules.add(f.ruleId()));
            String other = medType.equals("21") ? "outpatient-only" : "inpatient-only";
            assertTrue(!rules.contains(other), medType + ": " + rules);
            inpatient += rules.contains("inpatient-only") ? 1 : 0;
            outpatient += rules.contains("outpatient-only") ? 1 : 0;
        }
        assertTrue(inpatient > 5 && outpatient > 5, inpatient + " / " + outpatient);
    }

    private void assertSameAsDrools(String drl, String meta, Set<String> expectedDirect) throws Exception {
        RuleEngine compiled = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, drl, meta)), TestKb.kb());
        RuleEngine direct = compiled.withDirectRules(true);
        RuleEngine drools = compiled.withDirectRules(false);
        assertEquals(expectedDirect, direct.directRuleNames());
        Set<String> fired = new TreeSet<>();
        for (Phase phase : List.of(Phase.PRE, Phase.MID)) {
            for (EncounterContext ctx : EngineBenchmark.generate(TestKb.kb(), 100, 20, 1, new Random(phase.ordinal()), phase)) {
                Set<String> a = new TreeSet<>();
                Set<String> b = new TreeSet<>();
                Evaluation viaDirect = direct.evaluate(ctx, phase);
                Evaluation viaDrools = drools.evaluate(ctx, phase);
                viaDirect.findings().forEach(f -> a.add(f.id() + " " + f.evidence() + " " + f.amountAtRisk()));
                viaDrools.findings().forEach(f -> b.add(f.id() + " " + f.evidence() + " " + f.amountAtRisk()));
                assertEquals(b, a, ctx.currentEncounterId());
                assertEquals(List.of(), viaDirect.failures());
                assertEquals(List.of(), viaDrools.failures());
                viaDirect.findings().forEach(f -> fired.add(f.ruleId()));
            }
        }
        assertEquals(expectedDirect, fired, "every shape fires somewhere");
    }
}
