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
import org.openjdk.jmh.annotations.AuxCounters;
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
 * excludes the disk; the catalog is loaded and prepared once at setup, as a long-running service would.
 * The pack comes from the {@code pack} parameter, else {@code -Dfundwatch.pack=DIR}, else the newest
 * {@code var/kb/kb-*}. The primary score is invocations/s; multiply by {@code records} (printed at setup)
 * for records/s, or read the secondary result {@code records} (an {@link AuxCounters} operations counter,
 * which JMH reports in records/s: the same product, measured).
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

    /** Knowledge pack directory; empty = {@code -Dfundwatch.pack} or the newest {@code var/kb/kb-*}. */
    @Param({""})
    public String pack;

    private PreparedCatalog catalog;

    /** Records per invocation, for converting the score. */
    public long records;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String chosen = pack != null && !pack.isEmpty() ? pack : System.getProperty("fundwatch.pack");
        Path dir = chosen != null ? Path.of(chosen) : KnowledgePacks.newest(Path.of("var", "kb")).orElseThrow(
                () -> new IllegalStateException("no knowledge pack: build one (fundwatch kb build) or -Dfundwatch.pack=DIR"));
        catalog = new PreparedCatalog(CsvGeneratorCatalog.load(dir));
        records = run().records();
        System.err.printf("%n[GeneratorBenchmark] %,d records per invocation (%d patients, %d days)%n", records, patients, days);
    }

    private GenerationSummary run() throws IOException {
        GeneratorConfig config = GeneratorConfig.of(1, days, patients, LocalDate.of(2025, 6, 1), 0.03);
        return new SyntheticDataGenerator(config, catalog).generate(DatasetSink.discard(), null);
    }

    /** Records generated in the current iteration; JMH reports the counter as records/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Records {
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
        }
    }

    /** One full run (plan, inject, render) into a discarding sink. */
    @Benchmark
    public void generate(Records counter, Blackhole bh) throws IOException {
        long n = run().records();
        counter.records += n;
        bh.consume(n);
    }
}
