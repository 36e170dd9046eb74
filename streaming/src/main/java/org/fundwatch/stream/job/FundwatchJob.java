package org.fundwatch.stream.job;

import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.stream.lake.FeeLineRecord;
import org.fundwatch.stream.lake.LakeSinks;
import org.fundwatch.stream.sink.webhook.WebhookSink;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.fundwatch.stream.eval.DoctorEvaluator;
import org.fundwatch.stream.eval.PersonEvaluator;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.DeadLetter;
import org.fundwatch.stream.model.Envelope;
import org.fundwatch.stream.model.PackActivation;
import org.fundwatch.stream.model.PackVersions;
import org.fundwatch.stream.model.SettledEncounter;
import org.fundwatch.stream.model.SourceLine;
import org.fundwatch.stream.parse.InfTime;
import org.fundwatch.stream.parse.ParseFunction;
import org.fundwatch.stream.sink.AlertRows;
import org.fundwatch.stream.sink.ClickHouseSink;
import org.fundwatch.stream.source.JsonLinesFormat;
import org.fundwatch.stream.source.KafkaLines;
import org.fundwatch.stream.source.PackVersionSource;
import org.fundwatch.stream.source.SortedSplitAssigner;

/**
 * The Fundwatch Flink job:
 * <pre>
 * files (*.jsonl, watched) | Kafka ──► parse + validate ──dead letters──► ClickHouse stream_dead_letters, JSONL
 *     ──► watermarks (inf_time) ──► keyBy(psn_no) ──► PersonEvaluator (keyed history, timers, broadcast packs)
 *             ├─► alerts ──► ClickHouse alerts + alert_details, JSONL      (seam: {@link Pipeline#alerts()})
 *             ├─► settled encounters                                       (seam: {@link Pipeline#settled()})
 *             └─► doctor visits ──► keyBy(doctor) ──► DoctorEvaluator ──► alerts
 * pack poller (registry + kb root, every 200 ms) ──broadcast──► both evaluators
 * </pre>
 * {@link #build} wires it into an environment (for embedding and for adding sinks to the seams); {@link #run} runs it
 * on a local MiniCluster (or, inside {@code flink run}, on the cluster) and returns the counts.
 */
public final class FundwatchJob {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private FundwatchJob() {
    }

    /** The job's streams, for sinks added by other modules (webhooks, the lake). */
    public record Pipeline(DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters,
                           DataStream<SettledEncounter> settled, DataStream<PackVersions> packs,
                           DataStream<PackActivation> activations) {
    }

    /** The configuration (checkpointing, restore, restarts) for an environment running {@code config}. */
    public static Configuration flinkConfiguration(StreamConfig config) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir(config).toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
        if (config.restartOnFailure()) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        resolveRestore(config).ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p));
        return conf;
    }

    /** A local environment (MiniCluster when not inside {@code flink run}) configured for {@code config}. */
    public static StreamExecutionEnvironment environment(StreamConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // Settlements are evaluated when the watermark passes them, so an alert waits for the next periodic watermark:
        // 20 ms instead of 50 ms took bench stream's settlement p50 from 72-88 to 47 ms (the timers fire in smaller
        // batches; the work is the same).
        env.getConfig().setAutoWatermarkInterval(20);
        // Network buffers are sent when full or after this long (Flink's default 100 ms would be most of the 3101
        // latency budget at moderate rates); 10 ms costs little throughput.
        env.setBufferTimeout(10);
        return env;
    }

    /** Wires the job into {@code env}, with the sinks {@code config} asks for; returns the streams. */
    public static Pipeline build(StreamExecutionEnvironment env, StreamConfig config) {
        boolean kafka = isKafka(config);
        DataStream<SourceLine> lines = lines(env, config);
        // Files: one reader (see lines()), parsing rebalanced over every subtask. Kafka: one reader per subtask, each
        // parsing what it reads (no exchange; give the topic at least as many partitions as the job's parallelism).
        SingleOutputStreamOperator<Envelope> envelopes = (kafka ? lines : lines.rebalance())
                .process(new ParseFunction(config.linesPerSecond() / Math.max(1, config.parallelism())))
                .name("parse + validate").uid("parse");
        DataStream<DeadLetter> dead = envelopes.getSideOutput(ParseFunction.DEAD_LETTERS);

        // Kafka records carry their watermarks from the source (one per partition: see lines()); file lines get
        // theirs here, from the parsed inf_time, since the one file reader reads them in time order.
        DataStream<Envelope> timed = kafka ? envelopes : envelopes.assignTimestampsAndWatermarks(
                        eventTime(config, (Envelope e, long recordTime) -> e.eventTime))
                .name("event time (inf_time)").uid("watermarks");

        PackVersionSource packSource = new PackVersionSource(config.registry(), config.packName(),
                config.rulesSource(), config.kb(), config.packPoll().toMillis(), config.once());
        DataStream<PackVersions> packs = env.fromSource(packSource, packWatermarks(), "rule + knowledge packs")
                .setParallelism(1).uid("packs");
        BroadcastStream<PackVersions> broadcast = packs.broadcast(PersonEvaluator.PACKS);

        Path persons = personsFile(config);
        SingleOutputStreamOperator<Alert> personAlerts = timed.keyBy(e -> e.personNo).connect(broadcast)
                .process(new PersonEvaluator(persons == null ? null : persons.toString(), config.history(),
                        config.postDelay(), config.failAfterTimers(), config.skipUnchangedPost()))
                .name("evaluate per person").uid("person-evaluator");
        SingleOutputStreamOperator<Alert> doctorAlerts = personAlerts.getSideOutput(PersonEvaluator.DOCTOR_VISITS)
                .keyBy(v -> v.doctorCode).connect(broadcast)
                .process(new DoctorEvaluator(config.doctorGrace())).name("evaluate per doctor").uid("doctor-evaluator");
        DataStream<Alert> alerts = personAlerts.union(doctorAlerts);
        DataStream<SettledEncounter> settled = personAlerts.getSideOutput(PersonEvaluator.SETTLED);
        DataStream<PackActivation> activations = personAlerts.getSideOutput(PersonEvaluator.ACTIVATIONS)
                .union(doctorAlerts.getSideOutput(PersonEvaluator.ACTIVATIONS));

        if (config.clickhouse() != null) {
            alerts.sinkTo(new ClickHouseSink<Alert>(config.clickhouse(), (a, out) -> {
                ClickHouseSink.add(out, "alerts", AlertRows.alert(a));
                AlertRows.details(a).forEach(r -> ClickHouseSink.add(out, "alert_details", r));
            }, 5_000)).name("ClickHouse alerts").uid("clickhouse-alerts");
            dead.sinkTo(new ClickHouseSink<DeadLetter>(config.clickhouse(),
                    (d, out) -> ClickHouseSink.add(out, "stream_dead_letters", AlertRows.deadLetter(d)), 5_000))
                    .name("ClickHouse dead letters").uid("clickhouse-dead-letters");
        }
        if (config.clickhouse() != null && config.recordHistory()) {
            settled.sinkTo(new ClickHouseSink<SettledEncounter>(config.clickhouse(),
                    (s, out) -> ClickHouseSink.add(out, ClickHousePatientHistoryStore.TABLE, SettledRecords.historyRow(s)),
                    5_000)).name("ClickHouse patient history").uid("clickhouse-history");
        }
        if (config.webhooks() != null) {
            alerts.sinkTo(WebhookSink.builder(config.webhooks(), AlertWarnings::of).build())
                    .name("webhook warnings").uid("webhooks");
        }
        if (config.lake() != null) {
            // one parse of each settled encounter feeds both lake tables
            SingleOutputStreamOperator<FeeLineRecord> feeLines = settled.process(new LakeRecordsFunction())
                    .name("lake records").uid("lake-records");
            feeLines.sinkTo(LakeSinks.feeLines(config.lake())).name("Parquet fee lines").uid("parquet-fee-lines");
            feeLines.getSideOutput(LakeRecordsFunction.SETTLEMENTS).sinkTo(LakeSinks.settlements(config.lake()))
                    .name("Parquet settlements").uid("parquet-settlements");
        }
        if (config.out() != null) {
            alerts.map((MapFunction<Alert, String>) a -> JSON.writeValueAsString(AlertRows.alertJson(a)))
                    .name("alert JSON").uid("alert-json")
                    .sinkTo(jsonl(Path.of(config.out(), "alerts"), "alerts")).name("JSONL alerts").uid("jsonl-alerts");
            dead.map((MapFunction<DeadLetter, String>) d -> JSON.writeValueAsString(AlertRows.deadLetter(d)))
                    .name("dead-letter JSON").uid("dead-letter-json")
                    .sinkTo(jsonl(Path.of(config.out(), "dead-letters"), "dead-letters")).name("JSONL dead letters")
                    .uid("jsonl-dead-letters");
        }
        return new Pipeline(alerts, dead, settled, packs, activations);
    }

    /** Runs the job and waits for it (a bounded run ends by itself). */
    public static StreamResult run(StreamConfig config) throws Exception {
        return StreamResult.of(execute(config));
    }

    /**
     * Runs the job: on a local MiniCluster, or submitted to the cluster under {@code flink run}. Waits for it except
     * when submitted detached ({@code flink run -d}); then the result only names the job
     * ({@link JobExecutionResult#isJobExecutionResult()} is false).
     */
    public static JobExecutionResult execute(StreamConfig config) throws Exception {
        StreamExecutionEnvironment env = environment(config);
        build(env, config);
        return env.execute("fundwatch stream");
    }

    private static DataStream<SourceLine> lines(StreamExecutionEnvironment env, StreamConfig config) {
        if (isKafka(config)) {
            // Watermarks per partition, from each record's inf_time read as the record is fetched: partitions are read
            // at different speeds (a replay, a lagging partition), and a watermark taken after the readers' records
            // are mixed would run ahead of the slower partition and make its records late. A record without a
            // readable inf_time moves no watermark (the parse step dead-letters it).
            return env.fromSource(KafkaLines.source(config.kafkaBootstrap(), config.kafkaTopic(), config.once()),
                    eventTime(config, (SourceLine l, long kafkaTime) -> InfTime.scan(l.bytes)),
                    "Kafka " + config.kafkaTopic()).uid("kafka-source");
        }
        Path dir = messagesDir(config);
        var builder = FileSource.forBulkFileFormat(new JsonLinesFormat(),
                        new org.apache.flink.core.fs.Path(dir.toUri()))
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(FundwatchJob::isMessageFile))
                .setSplitAssigner(SortedSplitAssigner::new);
        if (!config.once()) {
            builder.monitorContinuously(Duration.ofMillis(500));
        }
        // One reader, files in time order: event time then advances evenly for every parsing subtask. With one reader
        // per subtask, two readers work on different day files and the watermark (the minimum) trails the faster one
        // by a whole file, which every settlement would wait for (measured: p99 8 s at 2,500 records/s). Reading lines
        // is cheap next to parsing; parsing and evaluation stay parallel.
        return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "message files " + dir)
                .setParallelism(1).uid("file-source");
    }

    private static boolean isKafka(StreamConfig config) {
        return config.kafkaBootstrap() != null && config.kafkaTopic() != null;
    }

    /**
     * Event time as {@code time} assigns it (epoch milliseconds), with watermarks {@code --out-of-orderness} behind the latest time seen; in a
     * continuous run an input silent for 5 s stops holding the others back.
     */
    private static <T> WatermarkStrategy<T> eventTime(StreamConfig config, SerializableTimestampAssigner<T> time) {
        WatermarkStrategy<T> watermarks = WatermarkStrategy.<T>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner(time);
        return config.once() ? watermarks : watermarks.withIdleness(Duration.ofSeconds(5));
    }

    /** {@code *.jsonl} except the generator's persons and ground truth; hidden and in-progress files are skipped. */
    static boolean isMessageFile(org.apache.flink.core.fs.Path p) {
        return isMessageFile(p.getName());
    }

    /** Whether a file (or directory) of this name is read as input: see {@link #isMessageFile(org.apache.flink.core.fs.Path)}. */
    public static boolean isMessageFile(String name) {
        if (name.startsWith(".") || name.startsWith("_")) {
            return false;
        }
        if (!name.contains(".")) {
            return true; // directories (the enumerator recurses into those the filter accepts)
        }
        return name.endsWith(".jsonl") && !name.equals("persons.jsonl") && !name.equals("ground-truth.jsonl");
    }

    /** {@code <input>/messages} when it exists (generator output), else {@code <input>}. */
    public static Path messagesDir(StreamConfig config) {
        Path in = Path.of(config.input()).toAbsolutePath().normalize();
        return Files.isDirectory(in.resolve("messages")) ? in.resolve("messages") : in;
    }

    static Path personsFile(StreamConfig config) {
        if (config.input() == null) {
            return null;
        }
        Path p = Path.of(config.input()).toAbsolutePath().normalize().resolve("persons.jsonl");
        return Files.isRegularFile(p) ? p : null;
    }

    static Path checkpointDir(StreamConfig config) {
        if (config.checkpoints() != null) {
            return Path.of(config.checkpoints()).toAbsolutePath().normalize();
        }
        Path base = config.out() != null ? Path.of(config.out()) : Path.of(System.getProperty("java.io.tmpdir"),
                "fundwatch-stream");
        return base.resolve("checkpoints").toAbsolutePath().normalize();
    }

    /** {@code restore}: a path as is, or {@code latest}: the newest completed checkpoint under the checkpoint dir. */
    static Optional<String> resolveRestore(StreamConfig config) {
        if (config.restore() == null || config.restore().isBlank()) {
            return Optional.empty();
        }
        if (!"latest".equals(config.restore())) {
            return Optional.of(config.restore());
        }
        return Optional.of(latestCheckpoint(checkpointDir(config)).orElseThrow(() -> new IllegalArgumentException(
                "--restore latest: no completed checkpoint under " + checkpointDir(config)
                        + " (run with --checkpoints DIR first, or give a checkpoint path)")).toString());
    }

    /** The newest {@code chk-N} directory with a {@code _metadata} file under {@code root} (any job id). */
    public static Optional<Path> latestCheckpoint(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> paths = Files.walk(root, 2)) {
            return paths.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .max(Comparator.comparing(FundwatchJob::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root, e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve("_metadata"));
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static FileSink<String> jsonl(Path dir, String prefix) {
        return FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.toAbsolutePath().toUri()),
                        new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(".jsonl").build())
                .build();
    }

    /**
     * The pack stream must not hold back event time at the evaluators (a two-input operator's watermark is the minimum
     * of its inputs): after its first element it declares event time finished. Before the first pack, timers cannot
     * fire, so no message is evaluated without a pack.
     */
    private static WatermarkStrategy<PackVersions> packWatermarks() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<PackVersions>() {
            @Override
            public void onEvent(PackVersions event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        });
    }

    /** Accumulator values of a finished job. */
    static long counter(JobExecutionResult result, String name) {
        Object v = result.getAllAccumulatorResults().get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    static Map<String, Object> accumulators(JobExecutionResult r) {
        return r.getAllAccumulatorResults();
    }
}
