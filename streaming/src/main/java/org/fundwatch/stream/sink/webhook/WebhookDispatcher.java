package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers warnings to the webhook of their own institution — plain Java, no Flink, shared by the Flink
 * {@link WebhookSink} and the gateway.
 *
 * <ul>
 *   <li><b>Routing.</b> A warning goes to the subscription of {@link WarningPayload#institutionCode()} and nowhere
 *       else; without a subscription it is counted ({@link DeliveryStats#unsubscribed()}) and skipped.</li>
 *   <li><b>Order.</b> Each institution has its own queue delivered one request at a time, so its warnings arrive in
 *       submission order and a receiver that is down delays only its own institution.</li>
 *   <li><b>Failures.</b> 2xx delivers; 5xx, 408, 429 and connection errors are retried with {@link RetryPolicy}
 *       (nothing is dropped while a receiver is down); other statuses are permanent and the warning goes to the
 *       {@link UndeliverableLog} with the reason, as does one that exceeds {@link RetryPolicy#giveUpAfter()}.</li>
 *   <li><b>Guarantee.</b> At least once: {@link #awaitIdle()} returns only when every submitted warning is delivered
 *       or recorded as undeliverable; receivers deduplicate by {@code X-Fundwatch-Alert-Id}.</li>
 * </ul>
 *
 * Thread-safe. {@link #submit} never blocks on the network.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final WebhookSubscriptions subscriptions;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final UndeliverableLog undeliverable;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Map<String, Channel> channels = new HashMap<>();
    private long pending;
    private long submitted;
    private long delivered;
    private long retries;
    private long undeliverableCount;
    private long unsubscribed;
    private boolean closed;

    private WebhookDispatcher(Builder b) {
        this.subscriptions = b.subscriptions;
        this.retryPolicy = b.retryPolicy;
        this.requestTimeout = b.requestTimeout;
        this.undeliverable = b.undeliverable;
        this.clock = b.clock;
        this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("fundwatch-webhook-http"));
        // HTTP/1.1: the h2c upgrade handshake on plain http is poorly supported by simple receivers; webhooks are
        // one small request at a time per institution, so HTTP/2 multiplexing would buy nothing.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(httpExecutor).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("fundwatch-webhook-retry"));
    }

    /** A builder delivering to {@code subscriptions}. */
    public static Builder builder(WebhookSubscriptions subscriptions) {
        return new Builder(subscriptions);
    }

    /**
     * Queues {@code warning} for its institution.
     *
     * @return false when the institution has no subscription (the warning is counted and skipped)
     * @throws IllegalStateException after {@link #close()}
     */
    public boolean submit(WarningPayload warning) {
        Objects.requireNonNull(warning, "warning");
        var subscription = subscriptions.forInstitution(warning.institutionCode());
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("dispatcher is closed");
            }
            if (subscription.isEmpty()) {
                unsubscribed++;
                return false;
            }
            byte[] body = serialize(warning);
            Channel channel = channels.computeIfAbsent(subscription.get().institutionCode(),
                    code -> new Channel(subscription.get()));
            channel.queue.add(new Entry(warning, body, clock.instant()));
            submitted++;
            pending++;
            if (!channel.sending) {
                channel.sending = true;
                scheduler.execute(() -> attempt(channel));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until every submitted warning is delivered or recorded as undeliverable.
     *
     * @throws IllegalStateException if the dispatcher is closed while warnings are still pending
     */
    public void awaitIdle() throws InterruptedException {
        awaitPendingAtMost(0, Long.MAX_VALUE);
    }

    /** As {@link #awaitIdle()} for at most {@code timeout}; false if warnings are still pending then. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return awaitPendingAtMost(0, timeout.toNanos());
    }

    /**
     * Blocks until at most {@code max} warnings are pending: lets a producer bound the memory held for a receiver that
     * is down (back-pressure instead of an ever-growing queue).
     */
    public void awaitPendingAtMost(long max) throws InterruptedException {
        awaitPendingAtMost(max, Long.MAX_VALUE);
    }

    private boolean awaitPendingAtMost(long max, long nanos) throws InterruptedException {
        lock.lock();
        try {
            while (pending > max) {
                if (closed) {
                    throw new IllegalStateException("webhook dispatcher closed with " + pending + " warning(s) pending");
                }
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The counters so far. */
    public DeliveryStats stats() {
        lock.lock();
        try {
            return new DeliveryStats(submitted, delivered, retries, undeliverableCount, unsubscribed, pending);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops delivering. Warnings still pending are abandoned without being recorded (in the Flink sink a restore
     * re-sends them); call {@link #awaitIdle()} first to deliver them. Closes the undeliverable log.
     */
    @Override
    public void close() throws Exception {
        lock.lock();
        try {
            closed = true;
            if (pending > 0) {
                LOG.warn("webhook dispatcher closed with {} warning(s) not yet delivered", pending);
            }
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        undeliverable.close();
    }

    private void attempt(Channel channel) {
        Entry entry;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            entry = channel.queue.peek();
        } finally {
            lock.unlock();
        }
        entry.attempts++;
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(channel.subscription.url())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSigner.ALERT_ID_HEADER, entry.warning.alertId())
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(channel.subscription.secret(), now, entry.body))
                .header(WebhookSigner.ATTEMPT_HEADER, Integer.toString(entry.attempts))
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry.body))
                .build();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> onResult(channel, entry, response, error));
        } catch (RuntimeException e) { // executor shut down by close()
            onResult(channel, entry, null, e);
        }
    }

    private void onResult(Channel channel, Entry entry, HttpResponse<Void> response, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        DeliveryOutcome outcome = response == null ? DeliveryOutcome.RETRY : DeliveryOutcome.ofStatus(response.statusCode());
        Integer status = response == null ? null : response.statusCode();
        switch (outcome) {
            case DELIVERED -> finish(channel, entry, true, null, status);
            case PERMANENT -> finish(channel, entry, false, "receiver refused it with HTTP " + status, status);
            case RETRY -> {
                String why = response == null ? describe(cause) : "HTTP " + status;
                Duration elapsed = Duration.between(entry.firstAttempt, clock.instant());
                if (retryPolicy.giveUpAfter() != null && elapsed.compareTo(retryPolicy.giveUpAfter()) >= 0) {
                    finish(channel, entry, false, "gave up after " + elapsed.toSeconds() + " s of retries; last: " + why,
                            status);
                    return;
                }
                Duration delay = retryPolicy.delayBefore(entry.attempts, random,
                        response == null ? null : retryAfter(response));
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    retries++;
                    LOG.debug("webhook of {} failed ({}), retry {} in {} ms", channel.subscription.institutionCode(),
                            why, entry.attempts, delay.toMillis());
                    scheduler.schedule(() -> attempt(channel), delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing concurrently: the warning stays pending, like every other one at close
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void finish(Channel channel, Entry entry, boolean ok, String reason, Integer status) {
        if (!ok) {
            try {
                undeliverable.record(new UndeliverableWarning(channel.subscription.institutionCode(),
                        channel.subscription.url().toString(), entry.attempts, status, reason,
                        clock.instant().toString(), entry.warning));
            } catch (RuntimeException e) {
                LOG.error("could not record undeliverable warning {}", entry.warning.alertId(), e);
            }
        }
        lock.lock();
        try {
            channel.queue.poll();
            if (ok) {
                delivered++;
            } else {
                undeliverableCount++;
            }
            pending--;
            idle.signalAll(); // wakes awaitIdle (pending 0) and producers waiting for room

            if (closed) {
                return;
            }
            if (channel.queue.isEmpty()) {
                channel.sending = false;
            } else {
                scheduler.execute(() -> attempt(channel));
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing concurrently
        } finally {
            lock.unlock();
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty(); // an HTTP-date: use our own backoff
            }
        }).orElse(null);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "no response";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static byte[] serialize(WarningPayload warning) {
        try {
            return JSON.writeValueAsBytes(warning);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise warning " + warning.alertId(), e);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One institution's queue; fields guarded by {@link #lock}. */
    private static final class Channel {
        final WebhookSubscription subscription;
        final ArrayDeque<Entry> queue = new ArrayDeque<>();
        boolean sending;

        Channel(WebhookSubscription subscription) {
            this.subscription = subscription;
        }
    }

    /** A queued warning with its serialised body (signed as is on every attempt). */
    private static final class Entry {
        final WarningPayload warning;
        final byte[] body;
        final Instant firstAttempt;
        int attempts; // touched by one attempt at a time

        Entry(WarningPayload warning, byte[] body, Instant queuedAt) {
            this.warning = warning;
            this.body = body;
            this.firstAttempt = queuedAt;
        }
    }

    /** Options of a {@link WebhookDispatcher}. */
    public static final class Builder {
        private final WebhookSubscriptions subscriptions;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private UndeliverableLog undeliverable = UndeliverableLog.logging();
        private Clock clock = Clock.systemUTC();

        private Builder(WebhookSubscriptions subscriptions) {
            this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        }

        /** Backoff for transient failures (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** How long one request may take before it counts as failed (default 10 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        /** TCP connect timeout (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** Where given-up warnings go (default: logged at ERROR). The dispatcher closes it. */
        public Builder undeliverableLog(UndeliverableLog undeliverable) {
            this.undeliverable = Objects.requireNonNull(undeliverable);
            return this;
        }

        /** The clock for signature timestamps (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The dispatcher; its threads are daemons and stop at {@link #close()}. */
        public WebhookDispatcher build() {
            return new WebhookDispatcher(this);
        }
    }
}
