package org.fundwatch.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH set-up shared by the {@code bench} commands: one benchmark method run in 1 fork on 1 thread
 * with short warm-up and measurement iterations, JMH's own output silenced unless verbose. Build the
 * options with {@link #options}, run them with {@link #run}; {@link #score} returns the primary score.
 */
public final class JmhBench {
    private final String include;
    private final Map<String, String> params = new LinkedHashMap<>();
    private int warmup = 2;
    private int iterations = 3;
    private int seconds = 2;
    private boolean verbose;

    private JmhBench(String include) {
        this.include = include;
    }

    /** A run of {@code benchmarkClass.method} (the method name is matched exactly). */
    public static JmhBench of(Class<?> benchmarkClass, String method) {
        return new JmhBench(java.util.regex.Pattern.quote(benchmarkClass.getName() + "." + method) + "$");
    }

    /** Sets the benchmark's {@code @Param} {@code name} to {@code value}. */
    public JmhBench param(String name, Object value) {
        params.put(name, String.valueOf(value));
        return this;
    }

    /** Warm-up and measurement iterations, each {@code seconds} long. */
    public JmhBench iterations(int warmup, int iterations, int seconds) {
        if (warmup < 0 || iterations < 1 || seconds < 1) {
            throw new IllegalArgumentException("need warm-up >= 0, iterations >= 1 and seconds >= 1");
        }
        this.warmup = warmup;
        this.iterations = iterations;
        this.seconds = seconds;
        return this;
    }

    /** Whether JMH prints its own progress (otherwise silent). */
    public JmhBench verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** The JMH options: include, params, 1 fork, 1 thread, the iterations, the verbosity. */
    public Options options() {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include)
                .forks(1)
                .threads(1)
                .warmupIterations(warmup)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        params.forEach(b::param);
        return b.build();
    }

    /**
     * Runs the benchmark and returns its result.
     *
     * @throws IllegalStateException when JMH produced no result (benchmark not on the class path)
     */
    public RunResult run() throws RunnerException {
        Collection<RunResult> results = new Runner(options()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH produced no result (is META-INF/BenchmarkList on the classpath?)");
        }
        return results.iterator().next();
    }

    /** Runs the benchmark and returns its primary score (in the benchmark's own unit). */
    public double score() throws RunnerException {
        return run().getPrimaryResult().getScore();
    }

    /** One line describing the run, for stderr. */
    public String describe() {
        return "JMH: 1 fork, " + warmup + " warm-up + " + iterations + " × " + seconds + " s iterations";
    }
}
