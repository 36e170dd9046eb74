package org.fundwatch.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.pack.PackBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fundwatch demo}: the end-to-end run of what exists — start ClickHouse (installing it when missing)
 * and migrate the schema, build the knowledge pack, generate a population and its national messages with
 * labelled anomalies, load every message (validated; bad ones dead-lettered with the reason) and group every
 * discharge with CHS-DRG 1.1 into ClickHouse, then print a summary whose counts reconcile.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "End to end: ClickHouse up, knowledge pack, a month of generated data, DRG grouping, summary.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "30", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--patients", defaultValue = "20000", description = "Insured persons (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--start", defaultValue = "2025-06-01", description = "First day (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--work", defaultValue = "var/demo", description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--source", description = "Reference data for the knowledge pack (default: ../shared/reference).")
    Path source;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for ClickHouse (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--reset", description = "Empty the demo's tables on an external ClickHouse too (FUNDWATCH_CLICKHOUSE_URL).")
    boolean reset;

    @Option(names = "--kb-out", defaultValue = "var/kb", description = "Where knowledge packs are built (default: ${DEFAULT-VALUE}).")
    Path kbOut;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        out.println("1/5 ClickHouse");
        ClickHouseEnvironment env = ClickHouseEnvironment.fromSystem();
        ClickHouseEnvironment.Started started = env.start(Duration.ofSeconds(timeoutSeconds));
        out.printf("    %s (%s)%n", started.config().url(), env.external() ? "external" : "local");
        DemoRun run = new DemoRun(started.config(), kbOut, work, source != null ? source : PackBuilder.defaultSource(), out);
        run.migrate();
        run.clearLoadedTables(reset);
        run.buildPack();
        run.generate(GeneratorConfig.of(seed, days, patients, start, 0.03));
        LoadCounts counts = run.load();
        run.summary(counts, t0);
        if (!counts.reconciles()) {
            spec.commandLine().getErr().println("fundwatch demo: counts do not reconcile — this is a bug");
            return 1;
        }
        return 0;
    }
}
