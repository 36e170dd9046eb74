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
 * Measurement harness (not a test; docs/harness.md): evaluates the rule bench's 512 encounters in a loop and prints
 * encounters per CPU-second of the evaluating thread every 5 s. Used to compare JVM options and collectors in fresh
 * JVMs ("the Prof harness" in docs/rule-pack.md).
 *
 * <p>Arguments: knowledge-pack directory, phase (PRE/MID), seconds, optionally the rule pack source directory.
 */
public final class EngineCpuLoop {
    private EngineCpuLoop() {
    }

    public static void main(String[] args) throws Exception {
        KnowledgePack kb = KnowledgePack.load(Path.of(args[0]));
        Phase phase = Phase.valueOf(args[1]);
        long seconds = Long.parseLong(args[2]);
        Path pack = Path.of(args.length > 3 ? args[3] : "rulebase/packs/national");
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(pack), kb);
        List<EncounterContext> contexts = EngineBenchmark.generate(kb, 512, 20, 1, new Random(20250614), phase);
        long stop = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < stop) {
            double rate = CpuTimeRun.perCpuSecond(
                    i -> engine.evaluate(contexts.get(i & 511), phase).findings().size(), 5);
            System.out.printf("%s %.0f/cpu-s%n", phase, rate);
        }
    }
}
