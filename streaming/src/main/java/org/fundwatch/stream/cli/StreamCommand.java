package org.fundwatch.stream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.stream.job.FundwatchJob;
import org.fundwatch.stream.job.StreamConfig;
import org.fundwatch.stream.job.StreamResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fundwatch stream}: runs the Flink job on a local MiniCluster (or on a cluster under {@code flink run}). */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Run the streaming audit job (Flink): messages in, alerts and dead letters out.")
public final class StreamCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR",
            description = "Directory of national message files (*.jsonl), watched for new files; a generator output "
                    + "directory works (messages/ + persons.jsonl).")
    Path in;

    @Option(names = "--once", description = "Process the files that exist and stop (bounded run).")
    boolean once;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Read Kafka instead of files.")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "Kafka topic (with --kafka-bootstrap).")
    String kafkaTopic;

    @Option(names = "--registry", paramLabel = "DIR", defaultValue = "var/rules-registry",
            description = "Rule-pack registry (default: ${DEFAULT-VALUE}); the active version is used and followed.")
    Path registry;

    @Option(names = "--pack", paramLabel = "DIR",
            description = "Use this rule pack source directory instead of the registry (e.g. rulebase/packs/national).")
    Path pack;

    @Option(names = {"--pack-name", "--name"}, paramLabel = "NAME", defaultValue = "national",
            description = "Pack name in the registry, as in serve and audit (default: ${DEFAULT-VALUE}; --name is the "
                    + "former spelling).")
    String name;

    @Option(names = "--kb", paramLabel = "DIR", defaultValue = "var/kb",
            description = "Knowledge pack, or a root of kb-* packs whose newest is used (default: ${DEFAULT-VALUE}).")
    Path kb;

    @Option(names = "--out", paramLabel = "DIR", description = "Write alerts/ and dead-letters/ as JSONL here.")
    Path out;

    @Option(names = "--no-clickhouse", description = "Do not write alerts and dead letters to ClickHouse.")
    boolean noClickHouse;

    @Option(names = "--no-history",
            description = "Do not write settled encounters to ClickHouse patient_history (the gateway's history).")
    boolean noHistory;

    @Option(names = "--webhooks", paramLabel = "FILE",
            description = "Send each hospital its warnings: webhook subscriptions (YAML/JSON, docs/lake-and-webhooks.md).")
    Path webhooks;

    @Option(names = "--lake", paramLabel = "DIR|URI",
            description = "Write settled fee lines and settlements as Parquet, partitioned by date, under this root.")
    String lake;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Checkpoint directory (default: <out>/checkpoints).")
    Path checkpoints;

    // 10 s, not 2 s: the heap backend writes all state at every checkpoint, on a core the evaluation also needs, and
    // each snapshot shows in the alert-latency tail (bench stream at 10,000 fee lines/s: settlement p99 80 ms without
    // checkpoints, 173-198 ms with one every 10 s). Warnings go out by webhook as raised; the interval bounds the replay
    // after a failure (deterministic alert ids collapse it) and when ClickHouse sees a batch that did not fill.
    @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
            description = "Checkpoint interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--restore", paramLabel = "PATH|latest",
            description = "Restore from a checkpoint or savepoint path, or the latest checkpoint in --checkpoints.")
    String restore;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(in) && kafkaBootstrap == null) {
            throw new ParameterException(spec.commandLine(), "--in " + in + ": not a directory");
        }
        if ((kafkaBootstrap == null) != (kafkaTopic == null)) {
            throw new ParameterException(spec.commandLine(), "--kafka-bootstrap and --kafka-topic go together");
        }
        if (parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1");
        }
        // absolute paths: on a cluster the sources and sinks open them in task managers, whose working directory is
        // not the client's
        StreamConfig config = StreamConfig.of(absolute(in)).withOnce(once).withParallelism(parallelism)
                .withPacks(absolute(registry), name, absolute(pack), absolute(kb))
                .withOut(absolute(out))
                .withCheckpoints(absolute(checkpoints), checkpointInterval, restore);
        if (kafkaBootstrap != null) {
            config = config.withKafka(kafkaBootstrap, kafkaTopic);
        }
        if (webhooks != null && !Files.isRegularFile(webhooks)) {
            throw new ParameterException(spec.commandLine(), "--webhooks " + webhooks + ": no such file");
        }
        config = config.withWebhooks(webhooks == null ? null : webhooks.toAbsolutePath().toString())
                .withLake(lake == null ? null : lake.contains("://") ? lake : Path.of(lake).toAbsolutePath().toUri().toString())
                .withRecordHistory(!noHistory);
        if (!noClickHouse) {
            ClickHouseConfig ch = ClickHouseEnvironment.fromSystem().currentConfig().orElseThrow(() ->
                    new IllegalStateException("no ClickHouse: run `fundwatch clickhouse start`, set "
                            + "FUNDWATCH_CLICKHOUSE_URL, or pass --no-clickhouse"));
            config = config.withClickHouse(ch);
        }
        System.err.println("fundwatch stream: " + (once ? "bounded run over " : "watching ") + in + ", parallelism "
                + parallelism + (out == null ? "" : ", JSONL to " + out) + (noClickHouse ? "" : ", ClickHouse "
                + config.clickhouse().url()));
        try {
            JobExecutionResult run = FundwatchJob.execute(config);
            if (!run.isJobExecutionResult()) { // flink run -d: submitted, running on the cluster
                System.out.println("submitted job " + run.getJobID() + " (detached): its counts are the job's "
                        + "accumulators and the fundwatchRecordsIn / fundwatchDeadLettered metrics");
                return 0;
            }
            StreamResult result = StreamResult.of(run);
            System.out.println(result);
            return result.reconciles() ? 0 : 1;
        } catch (Exception e) {
            if (verbose) {
                throw e;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("fundwatch stream: failed: " + root.getMessage()
                    + " (run with --verbose for the stack trace)");
            return 1;
        }
    }

    private static String absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }
}
