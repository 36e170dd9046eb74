package org.fundwatch.stream.cli;

import java.lang.management.ManagementFactory;
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
import org.fundwatch.cli.Progress;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.stream.eval.PersonEvaluator;
import org.fundwatch.stream.job.FundwatchJob;
import org.fundwatch.stream.job.HotSwapProbe;
import org.fundwatch.stream.job.StreamConfig;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.parse.ParseFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fundwatch bench stream}: the whole job on a local MiniCluster with the full national pack, sinks off (no
 * ClickHouse, no JSONL; alerts go to a discarding sink).
 * <ol>
 *   <li><b>Throughput</b>, unpaced: fee lines/s end to end (job start, pack compilation and person registry included)
 *       and steady state (from the first parsed record to the last evaluation), with the JVM's CPU time so that runs
 *       on a shared machine can be compared.</li>
 *   <li><b>Latency</b> at a paced input rate: time from parsing a record to the alert leaving the evaluator, per
 *       trigger (3101/3102 on arrival; settlements in event-time order), p50/p99/max after a warm-up.</li>
 *   <li>With {@code --hot-swap}: publish → in use of a new rule pack version under load ({@link HotSwapProbe}).</li>
 * </ol>
 * The dataset is generated once per size and cached under {@code var/bench/}.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Benchmark the streaming job: fee lines/s, alert latency at a paced rate, pack hot swap.")
public final class StreamBenchCommand implements Callable<Integer> {
    static final String LATENCY = "alert_latency_ms";

    @Option(names = "--in", paramLabel = "DIR", description = "Generator output to replay (default: generate and cache one).")
    Path in;

    @Option(names = "--patients", defaultValue = "100000", description = "Persons when generating (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--days", defaultValue = "30", description = "Days when generating (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "var/bench",
            description = "Where generated datasets are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--kb", paramLabel = "DIR", defaultValue = "var/kb", description = "Knowledge pack or root (default: ${DEFAULT-VALUE}).")
    Path kb;

    @Option(names = "--pack", paramLabel = "DIR", defaultValue = "rulebase/packs/national",
            description = "Rule pack source directory (default: ${DEFAULT-VALUE}).")
    Path pack;

    @Option(names = "--rate", defaultValue = "10000",
            description = "Paced input for the latency run in fee lines/s, converted to records/s with the dataset's "
                    + "fee lines per record (default: ${DEFAULT-VALUE}; 0 skips it).")
    double rate;

    @Option(names = "--warmup-days", defaultValue = "30",
            description = "Run the job once over the first N day files before measuring, so that the measured runs "
                    + "see compiled code, as a long-running job does (default: ${DEFAULT-VALUE}, a whole pass over the "
                    + "default dataset: on 2 cores C2 is still compiling Drools' and Flink's large methods after 5 "
                    + "days, and a cold run measures mostly the JIT; 0: measure cold).")
    int warmupDays;

    // Four: on 2 cores the JIT converges only after about a minute of load — successive passes over the default 30
    // days took 35, 14, 12, 11, 11, 11 s (session 12) — and a long-running job is measured at its converged speed.
    @Option(names = "--warmup-runs", defaultValue = "4",
            description = "How many warm-up runs over the --warmup-days files (default: ${DEFAULT-VALUE}: successive "
                    + "passes speed up until about the fourth, as C2 finishes compiling Flink's, Jackson's and the "
                    + "engine's code; a long-running job runs at that speed).")
    int warmupRuns;

    @Option(names = "--warmup", defaultValue = "PT3S", description = "Alerts of records ingested in this first period are not counted in the latency (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--out-of-orderness", defaultValue = "PT5M",
            description = "Watermark delay (event time) of the ordered path (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
            description = "Checkpoint interval (default: ${DEFAULT-VALUE}; the heap backend snapshots all state each time).")
    Duration checkpointInterval;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--no-throughput", description = "Skip the unpaced throughput run.")
    boolean noThroughput;

    @Option(names = "--hot-swap", description = "Also measure publish → in use of a new pack version under load.")
    boolean hotSwap;

    @Override
    public Integer call() throws Exception {
        Path kbDir = Files.isRegularFile(kb.resolve("manifest.json")) ? kb : KnowledgePacks.newest(kb).orElseThrow(() ->
                new IllegalStateException("no knowledge pack under " + kb + "; run `fundwatch kb build`"));
        Path data = in != null ? in : dataset(kbDir);
        StreamConfig base = StreamConfig.of(data.toString()).withOnce(true).withParallelism(parallelism)
                .withPacks(null, "national", pack.toString(), kbDir.toString())
                .withOutOfOrderness(outOfOrderness)
                .withCheckpoints(Files.createTempDirectory("fundwatch-bench-chk-").toString(), checkpointInterval,
                        null);
        System.out.printf("stream bench: %s, parallelism %d, full pack %s, sinks off (no ClickHouse, no JSONL), "
                + "checkpoints every %s, %d cores, load average %.1f%n", data, parallelism, pack, checkpointInterval,
                Runtime.getRuntime().availableProcessors(), load());
        if (warmupDays > 0) {
            Path warm = warmupInput(data, warmupDays);
            for (int pass = 1; pass <= warmupRuns; pass++) {
                long cpu0 = cpuNanos();
                JobExecutionResult w = run(base.withInput(warm.toString()));
                System.out.printf("warm-up %d/%d: the job over the first %d day files (%,d records, %,d fee lines) in "
                                + "%.1f s, JVM CPU %.1f s; not counted below%n", pass, warmupRuns, warmupDays,
                        number(w.getAllAccumulatorResults(), ParseFunction.RECORDS_IN),
                        number(w.getAllAccumulatorResults(), ParseFunction.FEE_LINES), w.getNetRuntime() / 1000.0,
                        (cpuNanos() - cpu0) / 1e9);
            }
        }
        if (!noThroughput) {
            long cpu0 = cpuNanos();
            JobExecutionResult full = run(base);
            double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
            Map<String, Object> acc = full.getAllAccumulatorResults();
            long lines = number(acc, ParseFunction.FEE_LINES);
            long records = number(acc, ParseFunction.RECORDS_IN);
            double total = full.getNetRuntime() / 1000.0;
            double steady = (number(acc, PersonEvaluator.LAST_EVALUATED_AT) - number(acc, ParseFunction.FIRST_INGESTED_AT))
                    / 1000.0;
            System.out.printf("throughput: %,d fee lines (%,d records); end to end %.1f s = %,.0f fee lines/s "
                            + "(job start + pack compile included); steady state %.1f s = %,.0f fee lines/s, %,.0f "
                            + "records/s; second half of the run %,.0f fee lines/s; JVM CPU %.1f s = %,.0f fee lines "
                            + "per CPU-second = %.0f µs of CPU per record at %.3f fee lines per record; load average "
                            + "after %.1f; %,d messages evaluated, %,d post-event evaluations skipped (no change since "
                            + "settlement)%n",
                    lines, records, total, lines / total, steady, lines / steady, records / steady,
                    secondHalf(acc.get(ParseFunction.FEE_LINES_BY_SECOND)), cpuSeconds, lines / cpuSeconds,
                    records == 0 ? 0.0 : cpuSeconds * 1e6 / records, records == 0 ? 0.0 : (double) lines / records, load(),
                    number(acc, PersonEvaluator.EVALUATED), number(acc, PersonEvaluator.POST_SKIPPED));
        }
        if (rate > 0) {
            double linesPerRecord = feeLinesPerRecord(data);
            double recordsPerSecond = rate / linesPerRecord;
            System.out.printf("paced run: %,.0f fee lines/s = %,.0f records/s at this dataset's %.3f fee lines per "
                    + "record%n", rate, recordsPerSecond, linesPerRecord);
            JobExecutionResult paced = run(base.withPacing(recordsPerSecond));
            Map<String, Object> acc = paced.getAllAccumulatorResults();
            double seconds = (number(acc, PersonEvaluator.LAST_EVALUATED_AT) - number(acc, ParseFunction.FIRST_INGESTED_AT))
                    / 1000.0;
            System.out.printf("paced run: %,d records offered at %,.0f/s, achieved %,.0f records/s (%,.0f fee lines/s) "
                            + "over %.1f s%s%n", number(acc, ParseFunction.RECORDS_IN), rate,
                    number(acc, ParseFunction.RECORDS_IN) / seconds, number(acc, ParseFunction.FEE_LINES) / seconds,
                    seconds, number(acc, ParseFunction.RECORDS_IN) / seconds < recordsPerSecond * 0.95
                            ? " — SATURATED: the job did not keep up, records queued before parsing (not in the latency)"
                            : "");
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> evaluations = (Map<Integer, Integer>) acc.get(PersonEvaluator.ARRIVAL_LATENCY);
            System.out.printf("latency at %,.0f fee lines/s (every 3101/3102 evaluation on arrival, alert or not, whole run): "
                            + "p50 %d ms, p99 %d ms, max %d ms over %d requests%n", rate, percentile(evaluations, 0.50),
                    percentile(evaluations, 0.99), percentile(evaluations, 1.0), count(evaluations));
            for (String trigger : new String[] {"arrival", "settlement"}) {
                @SuppressWarnings("unchecked")
                Map<Integer, Integer> h = (Map<Integer, Integer>) paced.getAllAccumulatorResults()
                        .get(LATENCY + "_" + trigger);
                System.out.printf("latency at %,.0f fee lines/s (%s, after %d s warm-up): p50 %d ms, p99 %d ms, max %d ms"
                                + " over %d alerts%n", rate, trigger.equals("arrival")
                                ? "3101/3102 on arrival" : "settlement, out-of-orderness " + outOfOrderness,
                        warmup.toSeconds(), percentile(h, 0.50), percentile(h, 0.99), percentile(h, 1.0), count(h));
            }
        }
        if (hotSwap) {
            Path work = Files.createTempDirectory("fundwatch-bench-hotswap-");
            // published with immediate effect, as `fundwatch rules publish` does by default: publish → in use
            HotSwapProbe.Result r = HotSwapProbe.run(work, data.resolve("messages"), pack, kbDir, parallelism,
                    Duration.ZERO, 2_000);
            System.out.println("hot swap: " + r.summary());
        }
        return 0;
    }

    /**
     * Fee lines per second over the second half of the parsing period (whole seconds, the last partial one left out):
     * a 2-core machine's C2 compiler is still busy with a new job's large methods for most of a short run, which a job
     * running for days does not see; the second half is the closer figure.
     */
    static double secondHalf(Object histogram) {
        if (!(histogram instanceof Map<?, ?> bySecond) || bySecond.size() < 4) {
            return Double.NaN;
        }
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        bySecond.forEach((k, v) -> counts.put(((Number) k).intValue(), ((Number) v).intValue()));
        int first = counts.firstKey();
        int last = counts.lastKey(); // partial: left out
        int middle = first + (last - first) / 2;
        long lines = 0;
        for (var e : counts.subMap(middle, true, last, false).entrySet()) {
            lines += e.getValue();
        }
        return (double) lines / (last - middle);
    }

    /**
     * A directory with the dataset's persons and its first {@code days} message files (symbolic links), for the
     * warm-up run.
     */
    private static Path warmupInput(Path data, int days) throws java.io.IOException {
        Path dir = Files.createTempDirectory("fundwatch-bench-warmup-");
        Path messages = Files.createDirectories(dir.resolve("messages"));
        for (Path f : messageFiles(data).stream().limit(days).toList()) {
            Files.createSymbolicLink(messages.resolve(f.getFileName()), f.toAbsolutePath());
        }
        Path persons = data.resolve("persons.jsonl");
        if (Files.exists(persons)) {
            Files.createSymbolicLink(dir.resolve("persons.jsonl"), persons.toAbsolutePath());
        }
        return dir;
    }

    /**
     * Fee lines per record of the dataset: the issue states the paced rate in fee lines, the source paces records.
     * Counted by scanning the message files for {@code "feedetl_sn"} keys (one per fee line) — no parsing.
     */
    static double feeLinesPerRecord(Path data) throws java.io.IOException {
        long records = 0;
        long lines = 0;
        byte[] key = "\"feedetl_sn\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (Path f : messageFiles(data)) {
            byte[] bytes = Files.readAllBytes(f);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    records++;
                } else if (bytes[i] == '"' && matches(bytes, i, key)) {
                    lines++;
                }
            }
        }
        return records == 0 ? 1 : Math.max(1e-9, (double) lines / records);
    }

    /** The files the job reads from {@code data}, in the order it reads them (path order). */
    private static java.util.List<Path> messageFiles(Path data) throws java.io.IOException {
        try (var files = Files.list(FundwatchJob.messagesDir(StreamConfig.of(data.toString())))) {
            return files.filter(f -> Files.isRegularFile(f) && FundwatchJob.isMessageFile(f.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static boolean matches(byte[] bytes, int at, byte[] key) {
        if (at + key.length > bytes.length) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (bytes[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    /** The cached dataset for this size (generated on first use). */
    private Path dataset(Path kbDir) throws Exception {
        Path dir = cache.resolve("gen-" + patients + "x" + days + "-seed42-v" + SyntheticDataGenerator.outputVersion());
        if (Files.isRegularFile(dir.resolve(".complete"))) {
            return dir;
        }
        Path tmp = cache.resolve(".tmp-gen-" + patients + "x" + days + "-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp);
        System.err.println("generating " + patients + " persons × " + days + " days into " + dir + " (once)");
        try (Progress progress = new Progress("generate", 0)) {
            new SyntheticDataGenerator(GeneratorConfig.of(42, days, patients, LocalDate.of(2025, 6, 1), 0.03),
                    CsvGeneratorCatalog.load(kbDir)).generate(tmp, progress::advance);
        }
        Files.createFile(tmp.resolve(".complete"));
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " exists without .complete; delete it and run again");
        }
        Files.move(tmp, dir);
        return dir;
    }

    private JobExecutionResult run(StreamConfig config) throws Exception {
        StreamExecutionEnvironment env = FundwatchJob.environment(config);
        FundwatchJob.Pipeline p = FundwatchJob.build(env, config);
        p.alerts().filter(new LatencyProbe(warmup.toMillis())).name("latency probe")
                .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
        return env.execute("fundwatch bench stream");
    }

    private static long number(Map<String, Object> acc, String name) {
        return acc.get(name) instanceof Number n ? n.longValue() : 0;
    }

    private static long cpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static int count(Map<Integer, Integer> h) {
        return h == null ? 0 : h.values().stream().mapToInt(Integer::intValue).sum();
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

    /**
     * Records now − ingestedAt (ms) of arrival and settlement alerts in one histogram accumulator per trigger, skipping
     * those ingested during the warm-up (counted from the first alert this subtask sees); passes nothing on.
     */
    private static final class LatencyProbe extends RichFilterFunction<Alert> {
        private static final long serialVersionUID = 1L;
        private final long warmupMillis;
        private transient Histogram arrival;
        private transient Histogram settlement;
        private transient long start;

        LatencyProbe(long warmupMillis) {
            this.warmupMillis = warmupMillis;
        }

        @Override
        public void open(OpenContext context) {
            arrival = new Histogram();
            settlement = new Histogram();
            getRuntimeContext().addAccumulator(LATENCY + "_arrival", arrival);
            getRuntimeContext().addAccumulator(LATENCY + "_settlement", settlement);
        }

        @Override
        public boolean filter(Alert a) {
            if (start == 0) {
                start = a.ingestedAt;
            }
            if (a.ingestedAt < start + warmupMillis) {
                return false;
            }
            int ms = (int) Math.min(Integer.MAX_VALUE, System.currentTimeMillis() - a.ingestedAt);
            if ("arrival".equals(a.trigger)) {
                arrival.add(ms);
            } else if ("settlement".equals(a.trigger)) {
                settlement.add(ms);
            }
            return false;
        }
    }
}
