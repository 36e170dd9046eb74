package org.fundwatch.rules.engine.harness;

import org.fundwatch.rules.engine.bench.CpuTimeRun;

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
        BenchSetup bench = BenchSetup.of(args, 3);
        int rounds = Integer.parseInt(args[2]);
        for (int r = 0; r < rounds; r++) {
            for (int n : new int[] {512, 16}) {
                int mask = n - 1;
                double rate = CpuTimeRun.perCpuSecond(i -> bench.evaluate(i & mask), 3);
                System.out.printf("%s %3d encounters: %.0f/cpu-s%n", bench.phase(), n, rate);
            }
        }
    }
}
