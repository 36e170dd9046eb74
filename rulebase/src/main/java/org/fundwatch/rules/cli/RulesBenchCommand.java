package org.fundwatch.rules.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fundwatch.cli.JmhBench;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.CompiledRules;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.engine.bench.CpuTimeRun;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RulePackSource;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch bench rules} ({@code rules bench}): runs {@link EngineBenchmark} through the JMH Runner API with the
 * GC profiler for the pre and mid phases (1 fork, 1 thread, 10 warm-up and 5 measured iterations of 2 s) and prints
 * {@code rule engine (pre): N encounters/s per thread, B B/evaluation} — N the median iteration: on a shared machine
 * neighbours slow single iterations down by half, and the median is what repeats —, then the same operation timed by the thread's
 * CPU time in this JVM ({@link CpuTimeRun}: encounters per CPU-second, the per-core figure on a shared machine), the
 * same for mid, and the pack-load times (DRL compilation vs loading the stored compiled model).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the rule engine with JMH (pre and mid phases) and the pack load time.")
public final class RulesBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pack", paramLabel = "DIR", description = "Rule pack source directory (default: rulebase/packs/national).")
    Path pack = Locations.DEFAULT_PACK;

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge pack directory (default: newest under var/kb).")
    Path kb;

    @Option(names = "--history-lines", defaultValue = "1",
            description = "Lines in each of the encounter's two earlier visits (default ${DEFAULT-VALUE}: a refill; 20: full visits).")
    int historyLines;

    // Ten: in a fresh fork the 2-s iterations climb 9k, 31k, 30k, 33k, 31k, 45k … and level off only after ~14 s,
    // when C2 has compiled the engine and the pack's lambdas (session 12); five measured the JIT as much as the engine.
    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measurement iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--quick", description = "1 warm-up and 2 measurement iterations of 1 s (a smoke run, not a figure to quote).")
    boolean quick;

    @Option(names = "--all-in-drools", description = "Evaluate every rule in the Drools network, also the plain rules the"
            + " engine evaluates directly by default (to compare; -Dfundwatch.rules.direct=false).")
    boolean allInDrools;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "Extra option of the JMH fork's JVM, repeatable"
            + " (e.g. --jvm-arg=-XX:+UseZGC to see the engine under the services' collector, --jvm-arg=-XX:+UseG1GC"
            + " under the JVM's default; without a collector option the fork uses " + BATCH_COLLECTOR + ").")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--verbose", description = "Show JMH's own output and stack traces.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (warmup < 0 || iterations < 1 || seconds < 1 || historyLines < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "need --warmup >= 0, --iterations >= 1, --seconds >= 1 and --history-lines >= 1");
        }
        if (!Files.isDirectory(pack)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "rule pack not found: " + pack);
        }
        if (quick) {
            warmup = 1;
            iterations = 2;
            seconds = 1;
        }
        try {
            Path found = Locations.knowledgePackDir(kb);
            if (found == null || !Files.isDirectory(found)) {
                err.println("rules bench: " + (found == null ? "no knowledge pack under var/kb: run `fundwatch kb build`"
                        + " first or pass --kb DIR" : "knowledge pack not found: " + found));
                err.flush();
                return 1;
            }
            Path kbDir = found.toAbsolutePath();
            KnowledgePack knowledge = KnowledgePack.load(kbDir);
            RulePackSource source = RulePackSource.load(pack);
            err.println("[rules bench] pack " + source.info().name() + "/" + source.info().version() + ", kb "
                    + knowledge.version());
            err.flush();
            LoadTimes load = loadTimes(source, knowledge);
            for (Phase phase : new Phase[] {Phase.PRE, Phase.MID}) {
                JmhBench bench = JmhBench.of(EngineBenchmark.class, "evaluate")
                        .param("kb", kbDir)
                        .param("pack", pack.toAbsolutePath())
                        .param("phase", phase.name())
                        .param("historyLines", String.valueOf(historyLines))
                        .iterations(warmup, iterations, seconds)
                        .verbose(verbose);
                err.println("[rules bench] " + phase.name().toLowerCase(Locale.ROOT) + ": " + bench.describe());
                err.flush();
                OptionsBuilder builder = new OptionsBuilder();
                builder.parent(bench.options()).addProfiler(GCProfiler.class);
                List<String> inherited = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
                List<String> forkArgs = forkArgs(jvmArgs, inherited);
                if (allInDrools) {
                    forkArgs.add("-Dfundwatch.rules.direct=false");
                }
                // JMH gives the fork this JVM's options; the fork's collector replaces this JVM's (two collector
                // options would stop the fork's JVM from starting)
                builder.jvmArgs(forkJvm(inherited, forkArgs).toArray(String[]::new));
                Options options = builder.build();
                RunResult result = new Runner(options).run().iterator().next();
                var stats = result.getPrimaryResult().getStatistics();
                out.println(String.format(Locale.ROOT, "rule engine (%s, 20 lines, 2 earlier visits of %d line%s%s, %s):"
                        + " %,.0f encounters/s per thread (median of %d iterations: %,.0f–%,.0f), %,.0f B/evaluation",
                        phase.name().toLowerCase(Locale.ROOT), historyLines, historyLines == 1 ? "" : "s",
                        allInDrools ? ", all rules in Drools" : "", collectorOf(forkArgs), stats.getPercentile(50),
                        stats.getN(), stats.getMin(),
                        stats.getMax(), allocation(result)));
                out.flush();
                CpuTimeRun.Result cpu = cpuTime(kbDir, phase);
                out.println(String.format(Locale.ROOT, "rule engine (%s%s, %s): %,.0f encounters per CPU-second of the"
                        + " evaluating thread (median of %d rounds: %,.0f–%,.0f)", phase.name().toLowerCase(Locale.ROOT),
                        allInDrools ? ", all rules in Drools" : "", collectorOfThisJvm(), cpu.perCpuSecond(), iterations,
                        cpu.minPerCpuSecond(), cpu.maxPerCpuSecond()));
                out.flush();
            }
            out.println(String.format(Locale.ROOT, "rule pack load: %,d ms compiling the DRL, %,d ms from the compiled model",
                    load.compileMs(), load.loadMs()));
            out.flush();
            return 0;
        } catch (Exception e) {
            err.println("rules bench failed: " + e.getMessage()
                    + " (check --pack/--kb; run `fundwatch kb build` first if there is no knowledge pack;"
                    + " --verbose shows JMH's output)");
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    /**
     * The collector of the JMH fork when {@code --jvm-arg} names none: the parallel (throughput) collector, which the
     * launcher also gives the rules commands. Backtests and this benchmark are throughput work with no pause budget,
     * and the engine writes many fresh facts into reused lists: under G1 every such store runs its region-crossing
     * write barrier, and the evaluating thread did ~20 % less per CPU-second (docs/rule-pack.md). The services keep
     * ZGC for their pause times; {@code --jvm-arg=-XX:+UseG1GC} or {@code -XX:+UseZGC} shows the engine under those.
     */
    static final String BATCH_COLLECTOR = "-XX:+UseParallelGC";

    /** The fork's options: {@code extra}, plus {@link #BATCH_COLLECTOR} when {@code extra} chooses no collector. */
    static List<String> forkArgs(List<String> extra) {
        return forkArgs(extra, List.of());
    }

    /**
     * The fork's options: {@code extra}, plus, when {@code extra} chooses no collector, the collector this JVM was
     * started with ({@code inherited}: a collector in {@code FUNDWATCH_JAVA_OPTS} measures both the fork and the
     * CPU-time rounds under it), else {@link #BATCH_COLLECTOR}.
     */
    static List<String> forkArgs(List<String> extra, List<String> inherited) {
        List<String> args = new ArrayList<>(extra);
        if (extra.stream().noneMatch(a -> COLLECTOR_OPTION.matcher(a).matches())) {
            String chosen = BATCH_COLLECTOR;
            for (String a : inherited) {
                if (COLLECTOR_OPTION.matcher(a).matches() && a.startsWith("-XX:+")) {
                    chosen = a;
                }
            }
            args.add(0, chosen);
        }
        return args;
    }

    /** The fork's JVM options: this JVM's ({@code inherited}) without their collector options, then {@code fork}. */
    static List<String> forkJvm(List<String> inherited, List<String> fork) {
        List<String> args = new ArrayList<>();
        for (String a : inherited) {
            if (!COLLECTOR_OPTION.matcher(a).matches()) {
                args.add(a);
            }
        }
        args.addAll(fork);
        return args;
    }

    private static final java.util.regex.Pattern COLLECTOR_OPTION = java.util.regex.Pattern.compile("-XX:[+-]Use(\\w+)GC");

    /** The collector the last collector option of {@code args} chooses, as the figures name it. */
    static String collectorOf(List<String> args) {
        String chosen = null;
        for (String a : args) {
            java.util.regex.Matcher m = COLLECTOR_OPTION.matcher(a);
            if (m.matches() && a.startsWith("-XX:+")) {
                chosen = m.group(1);
            }
        }
        return chosen == null ? "JVM default collector" : chosen + " GC";
    }

    /** The collector of this JVM (where the CPU-time rounds run), from its collector beans' names. */
    static String collectorOfThisJvm() {
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName();
            if (name.startsWith("PS ")) {
                return "Parallel GC";
            }
            if (name.startsWith("G1 ")) {
                return "G1 GC";
            }
            if (name.startsWith("ZGC")) {
                return "Z GC";
            }
            if (name.startsWith("Shenandoah")) {
                return "Shenandoah GC";
            }
            if (name.equals("Copy") || name.equals("MarkSweepCompact")) {
                return "Serial GC";
            }
        }
        return "JVM default collector";
    }

    /** The same benchmark in this JVM, timed by thread CPU time ({@link CpuTimeRun}). */
    private CpuTimeRun.Result cpuTime(Path kbDir, Phase phase) throws Exception {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.kb = kbDir.toString();
        benchmark.pack = pack.toAbsolutePath().toString();
        benchmark.phase = phase.name();
        benchmark.historyLines = historyLines;
        String before = System.getProperty("fundwatch.rules.direct");
        if (allInDrools) {
            System.setProperty("fundwatch.rules.direct", "false");
        }
        try {
            benchmark.setUp();
        } finally {
            if (before == null) {
                System.clearProperty("fundwatch.rules.direct");
            } else {
                System.setProperty("fundwatch.rules.direct", before);
            }
        }
        // A fresh JIT needs well over the JMH warm-up's few seconds for Drools and the rule lambdas (C2 compiles on
        // the other core meanwhile): at least 15 s of warm-up, or the first rounds measure the interpreter.
        return CpuTimeRun.run(benchmark, Math.max(15, warmup * seconds), iterations, seconds);
    }

    /** How long making an engine takes: compiling the DRL, and from the compiled model a built version stores. */
    record LoadTimes(long compileMs, long loadMs) {}

    static LoadTimes loadTimes(RulePackSource source, KnowledgePack knowledge) {
        long t0 = System.nanoTime();
        RuleEngine compiled = RuleEngine.compile(source, knowledge);
        long compileMs = (System.nanoTime() - t0) / 1_000_000;
        byte[] stored = compiled.compiledModel().write();
        long t1 = System.nanoTime();
        RuleEngine.load(source, knowledge, CompiledRules.read(stored));
        long loadMs = (System.nanoTime() - t1) / 1_000_000;
        return new LoadTimes(compileMs, loadMs);
    }

    /** {@code gc.alloc.rate.norm}: bytes allocated per benchmark operation. */
    private static double allocation(RunResult result) {
        for (var e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                Result<?> r = e.getValue();
                return r.getScore();
            }
        }
        return Double.NaN;
    }
}
