package org.fundwatch.drg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fundwatch.drg.bench.DrgGrouperBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch drg bench}: runs {@link DrgGrouperBenchmark} through the JMH Runner API (1 fork, short
 * iterations) and prints {@code drg grouper: N cases/s per thread}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the CHS-DRG grouper with JMH and print cases/s per thread.")
public final class DrgBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tables", paramLabel = "DIR", description = "CHS-DRG 1.1 tables; default as for `drg group`")
    Path tables;

    @Option(names = "--icd", paramLabel = "DIR", description = "医保版 ICD dictionaries; default as for `drg group`")
    Path icd;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up iterations (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", defaultValue = "3", description = "measurement iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "seconds per iteration (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--verbose", description = "show JMH's own output and stack traces")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TablesLocation loc = TablesLocation.resolve(tables, icd);
        Options opts = new OptionsBuilder()
                .include(DrgGrouperBenchmark.class.getName() + ".groupMix")
                .forks(1)
                .threads(1)
                .warmupIterations(warmup)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .param("tables", loc.drgDir().toAbsolutePath().toString())
                .param("icd", loc.icdDir().toAbsolutePath().toString())
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .build();
        try {
            err.println("[drg bench] JMH: 1 fork, " + warmup + " warm-up + " + iterations + " × " + seconds
                    + " s iterations, tables " + loc.drgDir());
            err.flush();
            Collection<RunResult> results = new Runner(opts).run();
            if (results.isEmpty()) {
                err.println("drg bench failed: JMH produced no result (is META-INF/BenchmarkList on the classpath?)");
                return 1;
            }
            double score = results.iterator().next().getPrimaryResult().getScore();
            out.println(String.format(Locale.ROOT, "drg grouper: %,.0f cases/s per thread", score));
            out.flush();
            return 0;
        } catch (Exception e) {
            err.println("drg bench failed: " + e.getMessage()
                    + " (check --tables/--icd; run with --verbose for JMH's output)");
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }
}
