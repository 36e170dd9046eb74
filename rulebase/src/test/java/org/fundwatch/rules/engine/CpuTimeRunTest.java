package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fundwatch.rules.engine.bench.CpuTimeRun;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.junit.jupiter.api.Test;

/** The CPU-time figure of {@code bench rules}: a positive rate within its rounds' spread. */
class CpuTimeRunTest {
    @Test
    void measuresEncountersPerCpuSecond() throws Exception {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.kb = TestKb.kb().dir().toString();
        benchmark.pack = TestKb.nationalDir().toString();
        benchmark.phase = "MID";
        benchmark.historyLines = 1;
        benchmark.setUp();
        CpuTimeRun.Result r = CpuTimeRun.run(benchmark, 0, 2, 1);
        assertTrue(r.perCpuSecond() > 100, r.toString()); // ~10,000 on the development machine
        assertTrue(r.minPerCpuSecond() <= r.perCpuSecond() && r.perCpuSecond() <= r.maxPerCpuSecond(), r.toString());
    }
}
