package org.fundwatch.rules.engine.harness;

import org.fundwatch.rules.engine.bench.CpuTimeRun;

/**
 * Measurement harness (not a test; docs/harness.md): whether the rule bench's cycled encounters flatter or penalise
 * the engine against requests as the services evaluate them, right after parsing. Per round it measures, in CPU time
 * of the evaluating thread: a fresh {@link ReceivedCopy} of each encounter plus its evaluation; the copy alone; and
 * the bench's cycled evaluation. The difference of the first two is the evaluation of a just-received request (its
 * objects in cache, its strings new and unhashed).
 *
 * <p>Arguments: knowledge-pack directory, phase (PRE/MID), rounds (3 s per measurement), optionally the pack source.
 */
public final class ReceivedBound {
    private ReceivedBound() {
    }

    public static void main(String[] args) throws Exception {
        BenchSetup bench = BenchSetup.of(args, 3);
        int rounds = Integer.parseInt(args[2]);
        for (int r = 0; r < rounds; r++) {
            double copyAndEvaluate = CpuTimeRun.perCpuSecond(i -> bench.engine()
                    .evaluate(ReceivedCopy.of(bench.encounters().get(i & 511)), bench.phase()).findings().size(), 3);
            double copy = CpuTimeRun.perCpuSecond(i -> ReceivedCopy.of(bench.encounters().get(i & 511))
                    .encounters().size(), 3);
            double cycled = CpuTimeRun.perCpuSecond(i -> bench.evaluate(i & 511), 3);
            double received = 1 / (1 / copyAndEvaluate - 1 / copy);
            System.out.printf("%s as received %.0f/cpu-s, cycled %.0f/cpu-s (copy alone %.0f/cpu-s)%n", bench.phase(),
                    received, cycled, copy);
        }
    }
}
