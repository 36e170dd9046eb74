package org.fundwatch.rules.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntToLongFunction;

/**
 * {@link EngineBenchmark}'s operation timed by the evaluating thread's CPU time instead of the wall clock: encounters
 * per CPU-second of one core. On a shared machine (the development VM runs other tenants' work, load 2–8 on 2 cores)
 * JMH's wall-clock throughput counts the time the hypervisor gives to others; CPU time does not, so this is the
 * "per core" figure. It still includes cache misses caused by the neighbours.
 */
public final class CpuTimeRun {
    /** Where the findings count goes, so that the evaluations cannot be optimised away. */
    private static volatile long sink;

    private CpuTimeRun() {
    }

    /**
     * Encounters per CPU-second — the median of the measured rounds (a shared machine's neighbours slow some rounds
     * down by half; the median is the figure that repeats) — and the spread of the rounds.
     */
    public record Result(double perCpuSecond, double minPerCpuSecond, double maxPerCpuSecond) {}

    /**
     * Runs {@code benchmark} (already set up) on this thread: {@code warmupSeconds} of warm-up, then {@code rounds}
     * rounds of about {@code seconds} of CPU time each.
     */
    public static Result run(EngineBenchmark benchmark, int warmupSeconds, int rounds, int seconds) {
        EngineBenchmark.Cursor cursor = new EngineBenchmark.Cursor();
        IntToLongFunction evaluate = i -> benchmark.evaluate(cursor).findings().size();
        if (warmupSeconds > 0) {
            perCpuSecond(evaluate, warmupSeconds);
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = perCpuSecond(evaluate, seconds);
        }
        java.util.Arrays.sort(rates);
        double median = rounds % 2 == 1 ? rates[rounds / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
        return new Result(median, rates[0], rates[rounds - 1]);
    }

    /**
     * Evaluations per CPU-second of this thread: calls {@code evaluation} with 0, 1, 2 … (an index into the caller's
     * encounters) in batches of 1,000 until about {@code seconds} of this thread's CPU time have passed. What each call
     * returns (a findings count) goes to a sink, so that the evaluations cannot be optimised away.
     */
    public static double perCpuSecond(IntToLongFunction evaluation, long seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        long start = threads.getCurrentThreadCpuTime();
        long end = start + seconds * 1_000_000_000L;
        long findings = 0;
        int done = 0;
        long now;
        do {
            for (int i = 0; i < 1_000; i++) {
                findings += evaluation.applyAsLong(done++);
            }
            now = threads.getCurrentThreadCpuTime();
        } while (now < end);
        sink += findings;
        return done / ((now - start) / 1e9);
    }
}
