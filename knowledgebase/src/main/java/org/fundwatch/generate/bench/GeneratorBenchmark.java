package org.fundwatch.generate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.DatasetSink;
import org.fundwatch.generate.GenerationSummary;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.PreparedCatalog;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.KnowledgePacks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded generator throughput in records/s (a record = one message line, with a 2204/2301
 * fee upload counted as its fee lines; see {@link GenerationSummary}). Each invocation plans a
 * population, injects labelled cases and renders every message into a discarding sink, so the figure
 * excludes the disk; the catalog is loaded and prepared once at setup, as a long-running service would. The pack comes from {@code -Dfundwatch.pack=DIR} or the newest {@code var/kb/kb-*}.
 * The reported score is invocations/s; multiply by {@code records} (printed at setup) for records/s,
 * or read the {@code records} auxiliary counter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GeneratorBenchmark {
    @Param({"20000"})
    public int patients;

    @Param({"30"})
    public int days;

    private PreparedCatalog catalog;

    /** Records per invocation, for converting the score. */
    public long records;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String pack = System.getProperty("fundwatch.pack");
        Path dir = pack != null ? Path.of(pack) : KnowledgePacks.newest(Path.of("var", "kb")).orElseThrow(
                () -> new IllegalStateException("no knowledge pack: build one (fundwatch kb build) or -Dfundwatch.pack=DIR"));
        catalog = new PreparedCatalog(CsvGeneratorCatalog.load(dir));
        records = run().records();
        System.out.printf("%n[GeneratorBenchmark] %,d records per invocation (%d patients, %d days)%n", records, patients, days);
    }

    private GenerationSummary run() throws IOException {
        GeneratorConfig config = GeneratorConfig.of(1, days, patients, LocalDate.of(2025, 6, 1), 0.03);
        return new SyntheticDataGenerator(config, catalog).generate(DatasetSink.discard(), null);
    }

    /** One full run (plan, inject, render) into a discarding sink. */
    @Benchmark
    public void generate(Blackhole bh) throws IOException {
        bh.consume(run().records());
    }
}
