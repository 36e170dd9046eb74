package org.fundwatch.generate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fundwatch.cli.JmhBench;
import org.fundwatch.generate.bench.GeneratorBenchmark;
import org.fundwatch.pack.KnowledgePacks;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch bench generate}: runs {@link GeneratorBenchmark} through the JMH Runner API (1 fork,
 * 1 thread, short iterations) and prints exactly one line, {@code generator: N records/s (single thread)}.
 * N is the benchmark's score (invocations/s) times the records of one invocation, as measured by the
 * benchmark's {@code records} counter. Disk writes are excluded (discarding sink); the CLI's own
 * {@code fundwatch generate} summary gives the end-to-end figure.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Benchmark the synthetic data generator with JMH and print records/s (single thread).")
public final class GenerateBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pack", paramLabel = "DIR", description = "Knowledge pack directory (default: newest var/kb/kb-*).")
    Path pack;

    @Option(names = "--patients", defaultValue = "20000", paramLabel = "P",
            description = "Persons per generated dataset (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--days", defaultValue = "30", paramLabel = "D",
            description = "Simulated days per dataset (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--warmup", defaultValue = "2", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "3", description = "Measurement iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--verbose", description = "Show JMH's own output and stack traces.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (patients < 1 || days < 1 || warmup < 0 || iterations < 1 || seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "need --patients >= 1, --days >= 1, --warmup >= 0, --iterations >= 1, --seconds >= 1");
        }
        Path packDir = pack != null ? pack : KnowledgePacks.newest(GenerateCommand.DEFAULT_PACKS).orElse(null);
        if (packDir == null || !Files.isDirectory(packDir)) {
            err.println("generate bench: " + (packDir == null
                    ? "no knowledge pack under " + GenerateCommand.DEFAULT_PACKS.toAbsolutePath()
                    + ": run `fundwatch kb build` first or pass --pack DIR"
                    : "knowledge pack not found: " + packDir));
            err.flush();
            return 1;
        }
        JmhBench bench = JmhBench.of(GeneratorBenchmark.class, "generate")
                .param("pack", packDir.toAbsolutePath())
                .param("patients", patients)
                .param("days", days)
                .iterations(warmup, iterations, seconds)
                .verbose(verbose);
        try {
            err.println("[generate bench] " + bench.describe() + ", " + patients + " patients × " + days
                    + " days, pack " + packDir);
            err.flush();
            RunResult result = bench.run();
            Result<?> records = result.getSecondaryResults().get("records");
            if (records == null) {
                err.println("generate bench failed: the benchmark reported no records counter");
                return 1;
            }
            out.println(String.format(Locale.ROOT, "generator: %,.0f records/s (single thread)", records.getScore()));
            out.flush();
            return 0;
        } catch (Exception e) {
            err.println("generate bench failed: " + e.getMessage() + " (run with --verbose for JMH's output)");
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }
}
