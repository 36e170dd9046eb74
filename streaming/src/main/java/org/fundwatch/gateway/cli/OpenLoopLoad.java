package org.fundwatch.gateway.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway benchmark's load: request bodies made before a phase starts, an open-loop fixed rate (each latency
 * from the request's scheduled time, so a stalled server cannot hide queueing — no coordinated omission) and a burst
 * of concurrent connections; latencies and errors per phase.
 */
final class OpenLoopLoad {
    private OpenLoopLoad() {
    }

    /** Request bodies for one phase, generated before it starts so that building them is not measured. */
    record Sender(LoadClient client, byte[][] bodies) {
        static Sender of(LoadClient client, BenchRequests requests, int count) {
            byte[][] bodies = new byte[count][];
            for (int i = 0; i < count; i++) {
                bodies[i] = requests.next();
            }
            return new Sender(client, bodies);
        }

        CompletableFuture<String> send(int i) {
            return client.send(bodies[i]);
        }
    }

    /** Latencies (ns) and errors of one phase. */
    static final class Result {
        private final long[] latencies;
        private final int count;
        private final long errors;
        private final String firstError;

        Result(long[] latencies, int count, long errors, String firstError) {
            this.latencies = Arrays.copyOf(latencies, count);
            Arrays.sort(this.latencies);
            this.count = count;
            this.errors = errors;
            this.firstError = firstError;
        }

        int count() {
            return count;
        }

        long errors() {
            return errors;
        }

        String firstError() {
            return firstError;
        }

        double percentile(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * count) - 1;
            return latencies[Math.max(0, Math.min(count - 1, index))] / 1e6;
        }

        double max() {
            return count == 0 ? Double.NaN : latencies[count - 1] / 1e6;
        }

        /** One line: {@code count errors p50 p99 max} (ms), then the first error, for the parent process. */
        String line() {
            return count + " " + errors + " " + percentile(50) + " " + percentile(99) + " " + max() + " "
                    + (firstError == null ? "" : firstError.replace('\n', ' '));
        }

        /** What {@link #line()} wrote (percentiles only: the latencies themselves stay in the client process). */
        static Summary parse(String line) {
            String[] f = line.split(" ", 6);
            return new Summary(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), f.length > 5 && !f[5].isBlank() ? f[5] : null);
        }
    }

    /** The figures of a {@link Result} measured in another process. */
    record Summary(int count, long errors, double p50, double p99, double max, String firstError) {}

    /** Open loop: request i is due at start + i/rate; its latency runs from that due time to the answer. */
    static Result fixedRate(Sender sender, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        Outcomes outcomes = new Outcomes(total);
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            pending.add(sender.send(i).whenComplete((error, t) -> outcomes.record(slot, due, error, t)));
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).exceptionally(t -> null).join();
        return outcomes.result(total);
    }

    /** {@code connections} clients at once, each sending {@code perConnection} requests one after the other. */
    static Result concurrent(Sender sender, int connections, int perConnection) {
        Outcomes outcomes = new Outcomes(connections * perConnection);
        AtomicLong slots = new AtomicLong();
        List<CompletableFuture<Void>> clients = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int r = 0; r < perConnection; r++) {
                chain = chain.thenCompose(ignored -> {
                    long sent = System.nanoTime();
                    int slot = (int) slots.getAndIncrement();
                    return sender.send(slot).handle((error, t) -> {
                        outcomes.record(slot, sent, error, t);
                        return null;
                    });
                });
            }
            clients.add(chain);
        }
        CompletableFuture.allOf(clients.toArray(new CompletableFuture<?>[0])).join();
        return outcomes.result((int) slots.get());
    }

    /** The answers of one phase as they arrive: latency per request slot, errors and the first error's text. */
    private static final class Outcomes {
        private final long[] latencies;
        private final AtomicLong errors = new AtomicLong();
        private String firstError;

        Outcomes(int requests) {
            latencies = new long[requests];
        }

        /** The answer of request {@code slot}, timed from {@code since}: an error text, or a failure {@code t}. */
        void record(int slot, long since, String error, Throwable t) {
            latencies[slot] = System.nanoTime() - since;
            if (error != null || t != null) {
                errors.incrementAndGet();
                synchronized (this) {
                    if (firstError == null) {
                        firstError = error != null ? error : String.valueOf(t);
                    }
                }
            }
        }

        Result result(int count) {
            synchronized (this) {
                return new Result(latencies, count, errors.get(), firstError);
            }
        }
    }
}
