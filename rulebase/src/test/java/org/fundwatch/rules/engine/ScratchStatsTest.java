package org.fundwatch.rules.engine;
import java.util.Random;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.junit.jupiter.api.Test;
class ScratchStatsTest {
    @Test
    void stats() {
        RuleEngine e = TestKb.national();
        for (Phase ph : new Phase[]{Phase.PRE, Phase.MID}) {
            var ctxs = EngineBenchmark.generate(e.knowledgePack(), 512, 20, 1, new Random(20250614), ph);
            DirectRules.FILTERS.set(0); DirectRules.TESTS.set(0); DirectRules.EVALS.set(0);
            int facts = 0, findings = 0;
            for (var c : ctxs) { findings += e.evaluate(c, ph).findings().size(); }
            System.out.printf("STATS %s evals=%d filters/eval=%.1f tests/eval=%.1f findings/eval=%.2f%n", ph, DirectRules.EVALS.get(),
                DirectRules.FILTERS.get() / (double) DirectRules.EVALS.get(), DirectRules.TESTS.get() / (double) DirectRules.EVALS.get(), findings / 512.0);
        }
    }
}
