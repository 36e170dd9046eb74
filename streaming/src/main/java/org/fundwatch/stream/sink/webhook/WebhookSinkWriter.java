package org.fundwatch.stream.sink.webhook;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The writer of {@link WebhookSink}: hands warnings to a {@link WebhookDispatcher} and drains it on flush. */
final class WebhookSinkWriter<T> implements SinkWriter<T> {
    private final WebhookDispatcher dispatcher;
    private final WarningMapper<T> mapper;
    private final int maxPending;

    WebhookSinkWriter(WebhookDispatcher dispatcher, WarningMapper<T> mapper, int maxPending) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.maxPending = maxPending;
    }

    void registerMetrics(MetricGroup group) {
        MetricGroup webhooks = group.addGroup("webhooks");
        webhooks.gauge("delivered", (Gauge<Long>) () -> dispatcher.stats().delivered());
        webhooks.gauge("pending", (Gauge<Long>) () -> dispatcher.stats().pending());
        webhooks.gauge("retries", (Gauge<Long>) () -> dispatcher.stats().retries());
        webhooks.gauge("undeliverable", (Gauge<Long>) () -> dispatcher.stats().undeliverable());
        webhooks.gauge("unsubscribed", (Gauge<Long>) () -> dispatcher.stats().unsubscribed());
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        if (dispatcher.submit(mapper.apply(element))) {
            dispatcher.awaitPendingAtMost(maxPending);
        }
    }

    /** Before a checkpoint barrier and at end of input: wait until nothing is pending. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        dispatcher.awaitIdle();
    }

    /** The dispatcher's counters (tests, metrics). */
    DeliveryStats stats() {
        return dispatcher.stats();
    }

    @Override
    public void close() throws Exception {
        dispatcher.close();
    }
}
