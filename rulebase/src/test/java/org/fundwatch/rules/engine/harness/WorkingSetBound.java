package org.fundwatch.rules.engine.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.engine.bench.CpuTimeRun;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RulePackSource;

/**
 * Measurement harness (not a test; docs/harness.md): what the cache state of the encounters costs. It alternates 3-s
 * rounds (CPU time of the evaluating thread) over the rule bench's 512 encounters, ~12 MB that no core's cache holds,
 * so every evaluation starts from encounter objects last touched 511 evaluations earlier, and over the first 16 of
 * them, which stay in the core's cache as an encounter just parsed or assembled does in the stream and the gateway.
 * The code index (19,606 codes) is shared by both.
 *
 * <p>Arguments: knowledge-pack directory, phase (PRE/MID), rounds, optionally the rule pack source directory.
 */
public final class WorkingSetBound {
    private WorkingSetBound() {
    }

    public static void main(String[] args) throws Exception {
        KnowledgePack kb = KnowledgePack.load(Path.of(args[0]));
        Phase phase = Phase.valueOf(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path pack = Path.of(args.length > 3 ? args[3] : "rulebase/packs/national");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(pack), kb);
        List<EncounterContext> contexts = EngineBenchmark.generate(kb, 512, 20, 1, new Random(20250614), phase);
        for (int r = 0; r < rounds; r++) {
            for (int n : new int[] {512, 16}) {
                int mask = n - 1;
                double rate = CpuTimeRun.perCpuSecond(
                        i -> engine.evaluate(contexts.get(i & mask), phase).findings().size(), 3);
                System.out.printf("%s %3d encounters: %.0f/cpu-s%n", phase, n, rate);
            }
        }
    }
}
