package org.fundwatch.drg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fundwatch.cli.JmhBench;
import org.fundwatch.drg.bench.DrgGrouperBenchmark;
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
        try {
            JmhBench bench = JmhBench.of(DrgGrouperBenchmark.class, "groupMix")
                    .param("tables", loc.drgDir().toAbsolutePath())
                    .param("icd", loc.icdDir().toAbsolutePath())
                    .iterations(warmup, iterations, seconds)
                    .verbose(verbose);
            err.println("[drg bench] " + bench.describe() + ", tables " + loc.drgDir());
            err.flush();
            double score = bench.score();
            out.println(String.format(Locale.ROOT, "drg grouper: %,.0f cases/s per thread", score));
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println("drg bench failed: " + e.getMessage());
            return 1;
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
