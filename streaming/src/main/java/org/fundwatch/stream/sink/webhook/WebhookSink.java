package org.fundwatch.stream.sink.webhook;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreWriteTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.fundwatch.rules.engine.Finding;

/**
 * Flink sink delivering per-hospital warnings by webhook, at least once, in order per institution.
 *
 * <pre>{@code
 * findings.sinkTo(WebhookSink.create(WebhookSubscriptions.load(path))).name("webhooks");
 * // or, loading the file (and its secret_env variables) on the task managers:
 * findings.sinkTo(WebhookSink.fromFile("/etc/fundwatch/webhooks.yaml"));
 * }</pre>
 *
 * <ul>
 *   <li>Before the writers the stream is keyed by institution code ({@link SupportsPreWriteTopology}), so all
 *       warnings of one institution pass through one writer and keep their order at any parallelism.</li>
 *   <li>Each writer delivers asynchronously with a {@link WebhookDispatcher}; when more than
 *       {@link Builder#maxPendingPerWriter(int)} warnings wait (a receiver is down) it back-pressures instead of
 *       growing without bound.</li>
 *   <li>{@code flush} — called before every checkpoint barrier and at end of input — waits until everything pending
 *       has been delivered or recorded as undeliverable, so a checkpoint never completes with a warning that is only
 *       in memory; after a failure the source replays from the last checkpoint and every unacknowledged warning is
 *       sent again (at-least-once; receivers deduplicate by {@code X-Fundwatch-Alert-Id}). The price: while one
 *       receiver is down, checkpoints of this job wait for it — raise
 *       {@code execution.checkpointing.timeout}/{@code tolerable-failed-checkpoints} accordingly, or bound the wait
 *       with {@link RetryPolicy#giveUpAfter()} (given-up warnings go to the undeliverable log, never silently lost).</li>
 * </ul>
 *
 * @param <T> the element type
 */
public final class WebhookSink<T> implements Sink<T>, SupportsPreWriteTopology<T> {
    private static final long serialVersionUID = 1L;

    private final SubscriptionsSource subscriptions;
    private final WarningMapper<T> mapper;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final int maxPendingPerWriter;
    private final String undeliverableDirectory;

    private WebhookSink(Builder<T> b) {
        this.subscriptions = b.subscriptions;
        this.mapper = b.mapper;
        this.retryPolicy = b.retryPolicy;
        this.requestTimeout = b.requestTimeout;
        this.maxPendingPerWriter = b.maxPendingPerWriter;
        this.undeliverableDirectory = b.undeliverableDirectory;
    }

    /** A sink of findings to {@code subscriptions} with default options. */
    public static WebhookSink<Finding> create(WebhookSubscriptions subscriptions) {
        return builder(subscriptions, WarningMapper.findings()).build();
    }

    /**
     * A sink of findings to the subscriptions in {@code file}, read when each writer opens — on the task manager, with
     * its environment for {@code secret_env}, so secrets never travel in the job graph.
     */
    public static WebhookSink<Finding> fromFile(String file) {
        return builder(file, WarningMapper.findings()).build();
    }

    /** A builder for elements rendered by {@code mapper}, with subscriptions given now (they travel in the job graph). */
    public static <T> Builder<T> builder(WebhookSubscriptions subscriptions, WarningMapper<T> mapper) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        return new Builder<>(() -> subscriptions, mapper);
    }

    /** A builder for elements rendered by {@code mapper}, with subscriptions read from {@code file} by each writer. */
    public static <T> Builder<T> builder(String file, WarningMapper<T> mapper) {
        Objects.requireNonNull(file, "file");
        return new Builder<>(() -> WebhookSubscriptions.load(Path.of(file)), mapper);
    }

    @Override
    public DataStream<T> addPreWriteTopology(DataStream<T> input) {
        return input.keyBy(new InstitutionKey<>(mapper));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        UndeliverableLog log = undeliverableDirectory == null ? UndeliverableLog.logging()
                : UndeliverableLog.jsonLines(Path.of(undeliverableDirectory).resolve(
                        "undeliverable-" + context.getTaskInfo().getIndexOfThisSubtask() + ".jsonl"));
        WebhookDispatcher dispatcher = WebhookDispatcher.builder(subscriptions.load())
                .retryPolicy(retryPolicy).requestTimeout(requestTimeout).undeliverableLog(log).build();
        WebhookSinkWriter<T> writer = new WebhookSinkWriter<>(dispatcher, mapper, maxPendingPerWriter);
        writer.registerMetrics(context.metricGroup());
        return writer;
    }

    /** Supplies the subscriptions on the task manager. */
    @FunctionalInterface
    interface SubscriptionsSource extends Serializable {
        WebhookSubscriptions load() throws IOException;
    }

    /** Keys by institution code; a warning without one is keyed by "" (and will be skipped as unsubscribed). */
    private static final class InstitutionKey<T> implements KeySelector<T, String> {
        private static final long serialVersionUID = 1L;
        private final WarningMapper<T> mapper;

        InstitutionKey(WarningMapper<T> mapper) {
            this.mapper = mapper;
        }

        @Override
        public String getKey(T value) {
            String code = mapper.apply(value).institutionCode();
            return code == null ? "" : code;
        }
    }

    /** Options of a {@link WebhookSink}. */
    public static final class Builder<T> {
        private final SubscriptionsSource subscriptions;
        private final WarningMapper<T> mapper;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxPendingPerWriter = 10_000;
        private String undeliverableDirectory;

        private Builder(SubscriptionsSource subscriptions, WarningMapper<T> mapper) {
            this.subscriptions = subscriptions;
            this.mapper = Objects.requireNonNull(mapper, "mapper");
        }

        /** Backoff for transient failures (default {@link RetryPolicy#DEFAULT}: 1 s doubling to 5 min, never give up). */
        public Builder<T> retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** Per-request timeout (default 10 s). */
        public Builder<T> requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        /** Warnings a writer holds before it back-pressures (default 10,000). */
        public Builder<T> maxPendingPerWriter(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingPerWriter must be >= 1");
            }
            this.maxPendingPerWriter = max;
            return this;
        }

        /**
         * A directory (local to each task manager) for {@code undeliverable-<subtask>.jsonl} dead-letter files; default:
         * undeliverable warnings are logged at ERROR only.
         */
        public Builder<T> undeliverableDirectory(String directory) {
            this.undeliverableDirectory = directory;
            return this;
        }

        /** The sink. */
        public WebhookSink<T> build() {
            return new WebhookSink<>(this);
        }
    }
}
