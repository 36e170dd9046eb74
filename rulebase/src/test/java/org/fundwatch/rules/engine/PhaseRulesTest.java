package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which phases' rule sets contain which: what lets the stream skip a post evaluation that can find nothing new. */
class PhaseRulesTest {
    @TempDir
    Path dir;

    private static final String DRL = TestPacksDir.HEADER + """
            rule "everywhere"
            when
                $l : LineFact( current, medicine )
            then
                out.line($l, "药品", $l.getItemCode());
            end

            rule "post-only"
            when
                $l : LineFact( current )
            then
                out.line($l, "项目", $l.getItemCode());
            end
            """;

    @Test
    void aPostOnlyRuleMeansPostIsNotWithinMid() {
        String meta = TestPacksDir.meta("everywhere")
                + TestPacksDir.meta("post-only").replace("phases: [pre, mid, post]", "phases: [post]");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, DRL, meta)), TestKb.kb());
        assertFalse(engine.phaseRulesAlsoIn(Phase.POST, Phase.MID));
        assertTrue(engine.phaseRulesAlsoIn(Phase.MID, Phase.POST));
        assertTrue(engine.phaseRulesAlsoIn(Phase.PRE, Phase.MID));
    }

    @Test
    void whenEveryRuleRunsInEveryPhaseEachIsWithinTheOthers() {
        String meta = TestPacksDir.meta("everywhere") + TestPacksDir.meta("post-only");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(TestPacksDir.write(dir, DRL, meta)), TestKb.kb());
        assertTrue(engine.phaseRulesAlsoIn(Phase.POST, Phase.MID));
        assertTrue(engine.phaseRulesAlsoIn(Phase.MID, Phase.PRE));
    }
}
