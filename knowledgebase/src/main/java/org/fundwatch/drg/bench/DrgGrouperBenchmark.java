package org.fundwatch.drg.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgTables;
import org.fundwatch.drg.cli.TablesLocation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link DrgGrouper#group} over {@link CaseMix} (sample cases + seeded random cases).
 * One operation = one case, so the score is cases per second per benchmark thread.
 * Parameters {@code tables} / {@code icd} name the table directories (empty = {@link TablesLocation#defaults()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DrgGrouperBenchmark {
    /** Cases per benchmark invocation. */
    public static final int CASES = 4096;

    @Param("")
    public String tables;

    @Param("")
    public String icd;

    private DrgGrouper grouper;
    private DrgCase[] cases;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TablesLocation loc = TablesLocation.resolve(tables.isEmpty() ? null : Path.of(tables),
                icd.isEmpty() ? null : Path.of(icd));
        DrgTables t = DrgTables.load(loc.drgDir(), loc.icdDir());
        grouper = new DrgGrouper(t);
        List<DrgCase> mix = CaseMix.build(t, loc.drgDir().resolve("sample-cases.csv"), CASES, 20240601L);
        cases = mix.toArray(new DrgCase[0]);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void groupMix(Blackhole bh) {
        DrgGrouper g = grouper;
        for (DrgCase c : cases) {
            bh.consume(g.group(c));
        }
    }
}
