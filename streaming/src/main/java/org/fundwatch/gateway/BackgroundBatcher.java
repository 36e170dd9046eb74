package org.fundwatch.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves writes off the request path: items are queued (bounded) and one background thread hands them to the sink in
 * batches of at most {@code maxBatch}, at the latest {@code flushMillis} after the first queued item. When the queue
 * is full the item is dropped and counted (a request never waits for the database); a failing batch is logged with its
 * size and dropped. {@link #close()} flushes what is queued.
 *
 * @param <T> the item type
 * @param <R> what the sink writes of an item
 */
public final class BackgroundBatcher<T, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundBatcher.class);

    private final String name;
    private final BlockingQueue<T> queue;
    private final Function<? super T, ? extends R> prepare;
    private final Consumer<List<R>> sink;
    private final int maxBatch;
    private final long flushMillis;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private volatile boolean closing;

    /**
     * @param prepare turns each item into what the sink writes (e.g. its serialized row) as the worker takes it from
     *                the queue, so that this work is spread over the interval instead of running in one burst per
     *                flush — a burst of a second's serialization on 2 cores delayed the gateway's requests by tens of ms
     * @param sink    writes one batch of prepared items
     */
    public BackgroundBatcher(String name, int capacity, int maxBatch, long flushMillis,
                             Function<? super T, ? extends R> prepare, Consumer<List<R>> sink) {
        this.name = name;
        this.prepare = prepare;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.maxBatch = maxBatch;
        this.flushMillis = flushMillis;
        this.worker = new Thread(this::loop, "batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues {@code items}; drops (and counts) what does not fit. */
    public void add(Collection<? extends T> items) {
        for (T item : items) {
            if (queue.offer(item)) {
                accepted.incrementAndGet();
            } else {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn("{}: queue full, {} item(s) dropped so far", name, n);
                }
            }
        }
    }

    /** Items dropped because the queue was full or a batch failed. */
    public long dropped() {
        return dropped.get() + failed.get();
    }

    /** Items handed to the sink successfully. */
    public long written() {
        return written.get();
    }

    /** Waits until everything queued before this call has been handed to the sink (tests, shutdown). */
    public void flush() {
        long target = accepted.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (processed.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop() {
        List<R> batch = new ArrayList<>(maxBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                add(batch, first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
                while (batch.size() < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    T next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    add(batch, next);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!batch.isEmpty()) {
                    write(batch);
                    batch.clear();
                }
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Prepares {@code item} into {@code batch}; an item that cannot be prepared is logged, counted and dropped. */
    private void add(List<R> batch, T item) {
        try {
            batch.add(prepare.apply(item));
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            processed.incrementAndGet();
            LOG.error("{}: preparing an item failed, dropped: {}", name, e.getMessage());
        }
    }

    private void write(List<R> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            sink.accept(List.copyOf(batch));
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            LOG.error("{}: writing {} item(s) failed, dropped: {}", name, batch.size(), e.getMessage());
        } finally {
            processed.addAndGet(batch.size());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
