package org.fundwatch.gateway;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.fundwatch.history.PatientHistoryStore;
import org.fundwatch.model.Encounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a patient's stored history for one analysis within a deadline. Pre-event analysis is advice to a doctor who
 * is with the patient: when the store is slow or down, the request is analysed on what it carries (the HIS's own
 * history of the encounter) rather than failed or delayed, and the degradation is logged and counted.
 */
final class HistoryReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);

    private final PatientHistoryStore store;
    private final Duration window;
    private final long timeoutMillis;
    private final ExecutorService readers;
    private final AtomicLong degraded = new AtomicLong();

    HistoryReader(PatientHistoryStore store, Duration window, long timeoutMillis, int threads) {
        this.store = store;
        this.window = window;
        this.timeoutMillis = timeoutMillis;
        this.readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "history-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The stored encounters of {@code patientId} within the window before {@code reference}, or empty on failure. */
    List<Encounter> recent(String patientId, LocalDateTime reference) {
        LocalDateTime since = reference.minus(window);
        java.util.Optional<List<Encounter>> cached = store.recentIfCached(patientId, since);
        if (cached.isPresent()) {
            return cached.get(); // no thread hop: a cache hit never queues behind slow reads
        }
        CompletableFuture<List<Encounter>> read = CompletableFuture.supplyAsync(() -> store.recent(patientId, since), readers);
        try {
            return read.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            degrade(patientId, "no answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            degrade(patientId, String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            degrade(patientId, "interrupted");
        }
        return List.of();
    }

    void record(List<Encounter> encounters) {
        if (encounters.isEmpty()) {
            return;
        }
        try {
            store.record(encounters);
        } catch (RuntimeException e) {
            LOG.error("history write failed for {} encounter(s): {}", encounters.size(), e.getMessage());
        }
    }

    void flush() {
        store.flush();
    }

    /** Analyses done without stored history because the store failed. */
    long degraded() {
        return degraded.get();
    }

    private void degrade(String patientId, String reason) {
        long n = degraded.incrementAndGet();
        if (n == 1 || n % 1000 == 0) { // one line per 1,000: an overloaded store must not also flood the log
            LOG.warn("history of {} unavailable ({}); analysed without stored history ({} such analyses so far)",
                    Masking.id(patientId), reason, n);
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        store.close();
    }
}
