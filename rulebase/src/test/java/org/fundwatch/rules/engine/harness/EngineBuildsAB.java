package org.fundwatch.rules.engine.harness;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measurement harness (not a test; docs/harness.md): two builds of the rule engine in one JVM, each from its own
 * {@code -cli} jar in its own class loader, each with the rule bench's 512 encounters (same seed), evaluated in
 * alternating 3-s rounds of the thread's CPU time. Prints each pair and the median ratio B/A. Running a build against
 * a copy of itself shows this machine's floor (an A/A run gave 1.031 over 16 pairs on 2026-12-07).
 *
 * <p>It uses no project class itself (each build's classes come only from its jar), so it times its rounds here rather
 * than with {@code CpuTimeRun}, and needs only the test classes on its class path.
 *
 * <p>Arguments: jar A, jar B, knowledge-pack directory, phase (PRE/MID), pairs, optionally the pack source directory.
 */
public final class EngineBuildsAB {
    private EngineBuildsAB() {
    }

    /** One build's evaluation of encounter {@code i & 511}: its findings count. */
    private record Build(ClassLoader loader, MethodHandle evaluate, MethodHandle findings, Object engine,
                         Object[] encounters, Object phase) {
        long run(int i) throws Throwable {
            return ((List<?>) findings.invoke(evaluate.invoke(engine, encounters[i & 511], phase))).size();
        }
    }

    public static void main(String[] args) throws Throwable {
        String pack = args.length > 5 ? args[5] : BenchSetup.DEFAULT_PACK;
        Build a = load(args[0], args[2], args[3], pack);
        Build b = load(args[1], args[2], args[3], pack);
        int pairs = Integer.parseInt(args[4]);
        for (int w = 0; w < 4; w++) { // warm-up: both builds compiled by C2
            round(a);
            round(b);
        }
        List<Double> ratios = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            double x;
            double y;
            if (p % 2 == 0) {
                x = round(a);
                y = round(b);
            } else {
                y = round(b);
                x = round(a);
            }
            ratios.add(y / x);
            System.out.printf("A %.0f B %.0f B/A %.3f%n", x, y, y / x);
        }
        Collections.sort(ratios);
        System.out.printf("median ratio B/A %.3f (%.3f–%.3f) over %d pairs%n", ratios.get(pairs / 2), ratios.get(0),
                ratios.get(pairs - 1), pairs);
    }

    private static Build load(String jar, String kbDir, String phaseName, String packDir) throws Throwable {
        ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader); // Drools finds its services through it
        Class<?> kbClass = loader.loadClass("org.fundwatch.pack.KnowledgePack");
        Object kb = kbClass.getMethod("load", Path.class).invoke(null, Path.of(kbDir));
        Class<?> phaseClass = loader.loadClass("org.fundwatch.model.Phase");
        Object phase = phaseClass.getMethod("valueOf", String.class).invoke(null, phaseName);
        Class<?> sourceClass = loader.loadClass("org.fundwatch.rules.source.RulePackSource");
        Object source = sourceClass.getMethod("load", Path.class).invoke(null, Path.of(packDir));
        Class<?> engineClass = loader.loadClass("org.fundwatch.rules.engine.RuleEngine");
        Object engine = engineClass.getMethod("compile", sourceClass, kbClass).invoke(null, source, kb);
        Class<?> benchClass = loader.loadClass("org.fundwatch.rules.engine.bench.EngineBenchmark");
        List<?> encounters = (List<?>) benchClass.getMethod("generate", kbClass, int.class, int.class, int.class,
                Random.class, phaseClass).invoke(null, kb, 512, 20, 1, new Random(20250614), phase);
        Method evaluate = engineClass.getMethod("evaluate", loader.loadClass("org.fundwatch.model.EncounterContext"),
                phaseClass);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        return new Build(loader, lookup.unreflect(evaluate),
                lookup.unreflect(evaluate.getReturnType().getMethod("findings")), engine, encounters.toArray(), phase);
    }

    /** Evaluations per CPU-second of this thread over 3 s. */
    private static double round(Build build) throws Throwable {
        Thread.currentThread().setContextClassLoader(build.loader());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long count = 0;
        long sink = 0;
        int i = 0;
        while (true) {
            for (int k = 0; k < 256; k++) {
                sink += build.run(i++);
            }
            count += 256;
            long used = threads.getCurrentThreadCpuTime() - start;
            if (used >= 3_000_000_000L) {
                if (sink == Long.MIN_VALUE) {
                    System.out.print(""); // keeps the results alive
                }
                return count / (used / 1e9);
            }
        }
    }
}
