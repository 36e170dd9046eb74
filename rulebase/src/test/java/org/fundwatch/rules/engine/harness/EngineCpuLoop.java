package org.fundwatch.rules.engine.harness;

import org.fundwatch.rules.engine.bench.CpuTimeRun;

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
        BenchSetup bench = BenchSetup.of(args, 3);
        long seconds = Long.parseLong(args[2]);
        long stop = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < stop) {
            double rate = CpuTimeRun.perCpuSecond(i -> bench.evaluate(i & 511), 5);
            System.out.printf("%s %.0f/cpu-s%n", bench.phase(), rate);
        }
    }
}
