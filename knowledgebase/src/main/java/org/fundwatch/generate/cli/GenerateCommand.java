package org.fundwatch.generate.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fundwatch.cli.Progress;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GenerationSummary;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.KnowledgePacks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch generate}: a synthetic population with national-format messages and labelled
 * anomalies. Prints one summary line on stdout ending in the measured records/s; progress on stderr.
 * Runtime failures print what to do and exit 1 (stack trace only with {@code --verbose}); usage errors exit 2.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic national-format messages with labelled anomalies (ground truth).")
public final class GenerateCommand implements Callable<Integer> {
    /** Where packs are looked for when --pack is not given. */
    static final Path DEFAULT_PACKS = Path.of("var", "kb");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Random seed; same seed and options give identical output.")
    long seed;

    @Option(names = "--days", required = true, paramLabel = "D", description = "Number of simulated days.")
    int days;

    @Option(names = "--patients", required = true, paramLabel = "P", description = "Number of insured persons.")
    int patients;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--pack", paramLabel = "DIR", description = "Knowledge pack directory (default: newest var/kb/kb-*).")
    Path pack;

    @Option(names = "--start", paramLabel = "DATE", description = "First simulated day (default: ${DEFAULT-VALUE}).",
            defaultValue = "2025-06-01")
    LocalDate start;

    @Option(names = "--anomaly-rate", paramLabel = "R", defaultValue = "0.03",
            description = "Injected cases per normal encounter, 0–0.5 (default: ${DEFAULT-VALUE}).")
    double anomalyRate;

    @Option(names = "--pre-check-rate", paramLabel = "R", defaultValue = "0.05",
            description = "Share of encounters also sent as a 3101 pre-event request (default: ${DEFAULT-VALUE}).")
    double preCheckRate;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        GeneratorConfig config;
        try {
            config = new GeneratorConfig(seed, days, patients, start, anomalyRate, preCheckRate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Path packDir = pack != null ? pack : KnowledgePacks.newest(DEFAULT_PACKS).orElseThrow(() ->
                    new IllegalArgumentException("no knowledge pack under " + DEFAULT_PACKS.toAbsolutePath()
                            + ": run `fundwatch kb build` first or pass --pack DIR"));
            if (!Files.isDirectory(packDir)) {
                throw new IllegalArgumentException("knowledge pack not found: " + packDir);
            }
            CsvGeneratorCatalog catalog = CsvGeneratorCatalog.load(packDir);
            long t0 = System.nanoTime();
            GenerationSummary summary;
            try (Progress progress = new Progress("generate", -1)) {
                summary = new SyntheticDataGenerator(config, catalog).generate(out, progress::advance);
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            outWriter.printf(Locale.ROOT, "generated %,d records (%,d messages, %,d fee lines) for %,d persons, "
                            + "%,d encounters, %,d labelled cases in %.2f s: %,.0f records/s -> %s%n",
                    summary.records(), summary.messages(), summary.feeLines(), summary.persons(),
                    summary.encounters(), summary.cases(), seconds, summary.records() / seconds, out);
            outWriter.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | java.io.IOException
                 | org.fundwatch.pack.PackException e) {
            err.println("generate: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }
}
