package org.fundwatch.stream.job;

import java.io.Serializable;
import java.time.Duration;
import org.fundwatch.clickhouse.ClickHouseConfig;

/**
 * Everything the job needs, with defaults that work from the repository root. Build with {@link #of} and the
 * {@code with…} methods (immutable).
 *
 * @param input          directory of {@code *.jsonl} message files (a generator output directory works: its
 *                       {@code messages/} is read and {@code persons.jsonl} is the person registry)
 * @param once           process what exists and end (bounded); otherwise watch the directory
 * @param kafkaBootstrap Kafka bootstrap servers (with {@code kafkaTopic}: read Kafka instead of files)
 * @param registry       rule-pack registry; {@code rulesSource} (a pack source directory) overrides it
 * @param kb             knowledge pack directory or root of {@code kb-*} packs (the newest is used)
 * @param out            directory for JSONL alerts and dead letters (null: none)
 * @param clickhouse     where alerts and dead letters go (null: not written)
 * @param checkpoints    checkpoint directory (null: {@code <out or tmp>/checkpoints})
 * @param restore        a checkpoint/savepoint path, {@code latest} (newest in {@code checkpoints}), or null
 * @param outOfOrderness how far event time may go backwards across files (watermark delay)
 * @param postDelay      event time between a settlement and its post-event evaluation
 * @param history        history window per person
 * @param linesPerSecond pacing of the whole input (≤ 0: none), for latency measurements
 * @param failAfterTimers test hook (see {@code PersonEvaluator}); 0 = off
 * @param webhooks       webhook subscriptions file for per-hospital warnings, or null
 * @param lake           Parquet lake root for settled records, or null
 * @param recordHistory  write settled encounters to ClickHouse {@code patient_history} (the gateway's history)
 * @param skipUnchangedPost skip a settlement's post-event evaluation when the person has had no message since its
 *                       settlement evaluation (same result; see {@code PersonEvaluator}); off only to test that claim
 */
public record StreamConfig(String input, boolean once, String kafkaBootstrap, String kafkaTopic, String registry,
                           String packName, String rulesSource, String kb, String out, ClickHouseConfig clickhouse,
                           String checkpoints, String restore, int parallelism, Duration checkpointInterval,
                           Duration packPoll, Duration outOfOrderness, Duration postDelay, Duration history,
                           Duration doctorGrace, double linesPerSecond, long failAfterTimers, boolean restartOnFailure,
                           String webhooks, String lake, boolean recordHistory, boolean skipUnchangedPost)
        implements Serializable {

    /** Defaults: bounded off, registry {@code var/rules-registry}, kb {@code var/kb}, parallelism 2. */
    public static StreamConfig of(String input) {
        return new StreamConfig(input, false, null, null, "var/rules-registry", "national", null, "var/kb", null, null,
                null, null, 2, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofDays(1),
                Duration.ofDays(90), Duration.ofMinutes(30), 0, 0, true, null, null, true, true);
    }

    public StreamConfig withOnce(boolean v) {
        return change(b -> b.once = v);
    }

    public StreamConfig withKafka(String bootstrap, String topic) {
        return change(b -> {
            b.kafkaBootstrap = bootstrap;
            b.kafkaTopic = topic;
        });
    }

    public StreamConfig withPacks(String registryDir, String name, String rulesSourceDir, String kbDir) {
        return change(b -> {
            b.registry = registryDir;
            b.packName = name;
            b.rulesSource = rulesSourceDir;
            b.kb = kbDir;
        });
    }

    /** The same job over another input directory. */
    public StreamConfig withInput(String dir) {
        return change(b -> b.input = dir);
    }

    public StreamConfig withOut(String dir) {
        return change(b -> b.out = dir);
    }

    public StreamConfig withClickHouse(ClickHouseConfig config) {
        return change(b -> b.clickhouse = config);
    }

    public StreamConfig withCheckpoints(String dir, Duration interval, String restoreFrom) {
        return change(b -> {
            b.checkpoints = dir;
            b.checkpointInterval = interval;
            b.restore = restoreFrom;
        });
    }

    public StreamConfig withParallelism(int p) {
        return change(b -> b.parallelism = p);
    }

    /** Paces the whole input at {@code totalLinesPerSecond} (≤ 0: none), for latency measurements. */
    public StreamConfig withPacing(double totalLinesPerSecond) {
        return change(b -> b.linesPerSecond = totalLinesPerSecond);
    }

    /** The watermark delay: how far event time may go backwards across the input (ordered path latency). */
    public StreamConfig withOutOfOrderness(Duration delay) {
        return change(b -> b.outOfOrderness = delay);
    }

    /** Test hook: fail once after {@code timers} event-time timers following a completed checkpoint; no restarts. */
    public StreamConfig withInjectedFailure(long timers) {
        return change(b -> {
            b.failAfterTimers = timers;
            b.restartOnFailure = false;
        });
    }

    /**
     * Per-hospital warnings: the webhook subscriptions file (YAML/JSON, see docs/lake-and-webhooks.md), read on the
     * task managers; null = no webhooks.
     */
    public StreamConfig withWebhooks(String subscriptionsFile) {
        return change(b -> b.webhooks = subscriptionsFile);
    }

    /** Settled fee lines and settlements to a Parquet lake under this directory or URI (dt= partitions); null = off. */
    public StreamConfig withLake(String lakeRoot) {
        return change(b -> b.lake = lakeRoot);
    }

    /** Whether settled encounters are written to ClickHouse {@code patient_history} for the gateway (default true). */
    public StreamConfig withRecordHistory(boolean v) {
        return change(b -> b.recordHistory = v);
    }

    /** The event-time delay of a settlement's post-event evaluation (default 1 day). */
    public StreamConfig withPostDelay(Duration delay) {
        return change(b -> b.postDelay = delay);
    }

    /** Test hook: evaluate every settlement again in the post phase even when nothing changed (default: skip). */
    public StreamConfig withSkipUnchangedPost(boolean v) {
        return change(b -> b.skipUnchangedPost = v);
    }

    /** A copy with the fields {@code edit} sets. */
    private StreamConfig change(java.util.function.Consumer<Builder> edit) {
        Builder b = new Builder(this);
        edit.accept(b);
        return b.build();
    }

    /** Mutable scratch copy used by the {@code with…} methods. */
    private static final class Builder {
        String input;
        boolean once;
        String kafkaBootstrap;
        String kafkaTopic;
        String registry;
        String packName;
        String rulesSource;
        String kb;
        String out;
        ClickHouseConfig clickhouse;
        String checkpoints;
        String restore;
        int parallelism;
        Duration checkpointInterval;
        Duration packPoll;
        Duration outOfOrderness;
        Duration postDelay;
        Duration history;
        Duration doctorGrace;
        double linesPerSecond;
        long failAfterTimers;
        boolean restartOnFailure;
        String webhooks;
        String lake;
        boolean recordHistory;
        boolean skipUnchangedPost;

        Builder(StreamConfig c) {
            input = c.input;
            once = c.once;
            kafkaBootstrap = c.kafkaBootstrap;
            kafkaTopic = c.kafkaTopic;
            registry = c.registry;
            packName = c.packName;
            rulesSource = c.rulesSource;
            kb = c.kb;
            out = c.out;
            clickhouse = c.clickhouse;
            checkpoints = c.checkpoints;
            restore = c.restore;
            parallelism = c.parallelism;
            checkpointInterval = c.checkpointInterval;
            packPoll = c.packPoll;
            outOfOrderness = c.outOfOrderness;
            postDelay = c.postDelay;
            history = c.history;
            doctorGrace = c.doctorGrace;
            linesPerSecond = c.linesPerSecond;
            failAfterTimers = c.failAfterTimers;
            restartOnFailure = c.restartOnFailure;
            webhooks = c.webhooks;
            lake = c.lake;
            recordHistory = c.recordHistory;
            skipUnchangedPost = c.skipUnchangedPost;
        }

        StreamConfig build() {
            return new StreamConfig(input, once, kafkaBootstrap, kafkaTopic, registry, packName, rulesSource, kb, out,
                    clickhouse, checkpoints, restore, parallelism, checkpointInterval, packPoll, outOfOrderness,
                    postDelay, history, doctorGrace, linesPerSecond, failAfterTimers, restartOnFailure, webhooks, lake, recordHistory,
                    skipUnchangedPost);
        }
    }
}
