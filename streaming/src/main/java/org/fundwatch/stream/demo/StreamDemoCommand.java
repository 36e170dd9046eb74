package org.fundwatch.stream.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.demo.DemoRun;
import org.fundwatch.demo.LoadCounts;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.pack.PackBuilder;
import org.fundwatch.rules.pack.PackVersion;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.stream.job.FundwatchJob;
import org.fundwatch.stream.job.StreamConfig;
import org.fundwatch.stream.job.StreamResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch demo}, the README's main command: ClickHouse up, the knowledge pack built, the national rule pack
 * built, tested and published, a month of data generated, the Flink job run over it (bounded, MiniCluster), the
 * settled data loaded for dashboards, and a summary: records in / processed / dead-lettered, alerts per rule class,
 * amount at risk, and detection recall and precision against the generator's labels. Everything stays in ClickHouse.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "End to end: ClickHouse, packs, a month of generated data through the Flink job, summary.")
public final class StreamDemoCommand implements Callable<Integer> {
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

    @Option(names = "--rules", defaultValue = "rulebase/packs/national",
            description = "Rule pack source to publish and run (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--registry", defaultValue = "var/rules-registry",
            description = "Rule-pack registry (default: ${DEFAULT-VALUE}).")
    Path registry;

    @Option(names = "--kb-out", defaultValue = "var/kb", description = "Where knowledge packs are built (default: ${DEFAULT-VALUE}).")
    Path kbOut;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for ClickHouse (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--reset", description = "Empty the demo's tables on an external ClickHouse too (FUNDWATCH_CLICKHOUSE_URL).")
    boolean reset;

    /** Tests: use this server and database instead of the local/FUNDWATCH_CLICKHOUSE_URL one. */
    ClickHouseConfig clickhouse;

    /** The last run's summary (for tests). */
    DemoReport.Summary summary;
    StreamResult streamResult;
    LoadCounts loadCounts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        out.println("1/7 ClickHouse");
        ClickHouseConfig ch = clickhouse;
        if (ch == null) {
            ClickHouseEnvironment env = ClickHouseEnvironment.fromSystem();
            ch = env.start(Duration.ofSeconds(timeoutSeconds)).config();
        }
        out.printf("    %s (%s)%n", ch.url(), ch.external() ? "external" : "local");
        DemoRun run = new DemoRun(ch, kbOut, work, source != null ? source : PackBuilder.defaultSource(), out);
        run.migrate();
        run.clearLoadedTables(reset);
        out.println("2/7 knowledge pack");
        var kb = run.buildPack();
        out.println("3/7 rule pack");
        PackVersion pack = new RulePackPublisher(registry, out).ensureActive(rules, kb.dir());
        out.println("4/7 generate");
        run.generate(GeneratorConfig.of(seed, days, patients, start, 0.03));
        out.println("5/7 load settled data and DRG groups for dashboards");
        loadCounts = run.load();
        out.println("6/7 stream (Flink MiniCluster, parallelism " + parallelism + ")");
        StreamConfig config = StreamConfig.of(run.data().toString()).withOnce(true).withParallelism(parallelism)
                .withPacks(registry.toString(), pack.name(), null, kb.dir().toString())
                .withOut(work.resolve("stream").toString())
                .withClickHouse(ch);
        streamResult = FundwatchJob.run(config);
        out.printf("    %s%n", streamResult);
        out.println("7/7 summary");
        try (ClickHouseStore store = ClickHouseStore.open(ch)) {
            summary = new DemoReport(store, out).print(streamResult, RulePackSource.load(pack.dir()),
                    run.data().resolve("ground-truth.jsonl"));
        }
        out.printf("    done in %.1f s; alerts, dead letters and settled data stay in ClickHouse %s (database %s)%n",
                (System.nanoTime() - t0) / 1e9, ch.url(), ch.database());
        if (!streamResult.reconciles() || !loadCounts.reconciles()) {
            spec.commandLine().getErr().println("fundwatch demo: counts do not reconcile — this is a bug");
            return 1;
        }
        return 0;
    }
}
