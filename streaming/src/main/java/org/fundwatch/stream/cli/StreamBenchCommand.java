package org.fundwatch.stream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.Histogram;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.stream.job.FundwatchJob;
import org.fundwatch.stream.job.StreamConfig;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.parse.ParseFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fundwatch bench stream}: throughput of the whole job (fee lines/s, sinks off: no ClickHouse, no JSONL; the
 * alerts go to a discarding sink) and alert latency (p50/p99 of mid/pre-event alerts, from parsing the triggering
 * message to the alert reaching the sink) at a paced input rate.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Benchmark the streaming job: fee lines/s and alert latency p99 at a paced rate.")
public final class StreamBenchCommand implements Callable<Integer> {
    @Option(names = "--in", paramLabel = "DIR", description = "Generator output to replay (default: generate one).")
    Path in;

    @Option(names = "--patients", defaultValue = "5000", description = "Persons when generating (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--days", defaultValue = "30", description = "Days when generating (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--kb", paramLabel = "DIR", defaultValue = "var/kb", description = "Knowledge pack or root (default: ${DEFAULT-VALUE}).")
    Path kb;

    @Option(names = "--pack", paramLabel = "DIR", defaultValue = "rulebase/packs/national",
            description = "Rule pack source directory (default: ${DEFAULT-VALUE}).")
    Path pack;

    @Option(names = "--rate", defaultValue = "10000", description = "Paced input lines/s for the latency run (default: ${DEFAULT-VALUE}; 0 skips it).")
    double rate;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        Path kbDir = Files.isRegularFile(kb.resolve("manifest.json")) ? kb : KnowledgePacks.newest(kb).orElseThrow(() ->
                new IllegalStateException("no knowledge pack under " + kb + "; run `fundwatch kb build`"));
        Path data = in;
        if (data == null) {
            data = Files.createTempDirectory("fundwatch-bench-stream-");
            System.err.println("generating " + patients + " persons × " + days + " days into " + data);
            new SyntheticDataGenerator(GeneratorConfig.of(42, days, patients, LocalDate.of(2025, 6, 1), 0.03),
                    CsvGeneratorCatalog.load(kbDir)).generate(data, null);
        }
        StreamConfig base = StreamConfig.of(data.toString()).withOnce(true).withParallelism(parallelism)
                .withPacks(null, "national", pack.toString(), kbDir.toString())
                .withCheckpoints(Files.createTempDirectory("fundwatch-bench-chk-").toString(), Duration.ofSeconds(10),
                        null);
        JobExecutionResult full = run(base);
        long lines = (Long) full.getAllAccumulatorResults().get(ParseFunction.FEE_LINES);
        long records = (Long) full.getAllAccumulatorResults().get(ParseFunction.RECORDS_IN);
        double seconds = full.getNetRuntime() / 1000.0;
        System.out.printf("stream: %,d fee lines (%,d records) in %.1f s = %,.0f fee lines/s, %,.0f records/s "
                        + "(parallelism %d, full national pack, sinks off, job start included)%n", lines, records,
                seconds, lines / seconds, records / seconds, parallelism);
        if (rate > 0) {
            JobExecutionResult paced = run(base.withPacing(rate));
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> h = (Map<Integer, Integer>) paced.getAllAccumulatorResults().get(LATENCY);
            System.out.printf("stream: alert latency at %,.0f records/s: p50 %d ms, p99 %d ms, max %d ms over %d "
                    + "pre/mid alerts%n", rate, percentile(h, 0.50), percentile(h, 0.99), percentile(h, 1.0),
                    h == null ? 0 : h.values().stream().mapToInt(Integer::intValue).sum());
        }
        return 0;
    }

    static final String LATENCY = "alert_latency_ms";

    private static JobExecutionResult run(StreamConfig config) throws Exception {
        StreamExecutionEnvironment env = FundwatchJob.environment(config);
        FundwatchJob.Pipeline p = FundwatchJob.build(env, config);
        p.alerts().filter(new LatencyProbe()).name("latency probe").sinkTo(new org.apache.flink.streaming.api
                .functions.sink.v2.DiscardingSink<>());
        return env.execute("fundwatch bench stream");
    }

    static int percentile(Map<Integer, Integer> histogram, double q) {
        if (histogram == null || histogram.isEmpty()) {
            return -1;
        }
        TreeMap<Integer, Integer> sorted = new TreeMap<>(histogram);
        long total = sorted.values().stream().mapToLong(Integer::longValue).sum();
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Integer, Integer> e : sorted.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return sorted.lastKey();
    }

    /** Records now − ingestedAt of pre/mid alerts in a histogram accumulator (ms); passes nothing on. */
    private static final class LatencyProbe extends RichFilterFunction<Alert> {
        private static final long serialVersionUID = 1L;
        private transient Histogram latency;

        @Override
        public void open(OpenContext context) {
            latency = new Histogram();
            getRuntimeContext().addAccumulator(LATENCY, latency);
        }

        @Override
        public boolean filter(Alert a) {
            if (!"post".equals(a.phase)) {
                latency.add((int) Math.min(Integer.MAX_VALUE, System.currentTimeMillis() - a.ingestedAt));
            }
            return false;
        }
    }
}
