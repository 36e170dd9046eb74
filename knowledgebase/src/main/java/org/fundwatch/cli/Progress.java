package org.fundwatch.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for long commands, printed to stderr so that stdout stays machine-readable.
 * Prints at most about once a second: {@code [label] 120,000/500,000 (24%) 98,000/s}.
 * Not thread-safe: report from the thread that does the work.
 */
public final class Progress implements AutoCloseable {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;
    private long done;

    /** @param total expected units of work, or {@code -1} when unknown */
    public Progress(String label, long total) {
        this(label, total, System.err);
    }

    public Progress(String label, long total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    /** Records {@code n} more units done and prints when a second has passed since the last line. */
    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrintNanos >= INTERVAL_NANOS) {
            lastPrintNanos = now;
            print(now);
        }
    }

    public long done() {
        return done;
    }

    private void print(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f/s", done / seconds);
        if (total > 0) {
            out.printf(Locale.ROOT, "[%s] %,d/%,d (%d%%) %s%n", label, done, total, done * 100 / total, rate);
        } else {
            out.printf(Locale.ROOT, "[%s] %,d %s%n", label, done, rate);
        }
    }

    /** Prints the final line: units done, elapsed time and rate. */
    @Override
    public void close() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        out.printf(Locale.ROOT, "[%s] done: %,d in %.1f s (%,.0f/s)%n", label, done, seconds, done / seconds);
    }
}
