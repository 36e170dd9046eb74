package org.fundwatch.history;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A strictly increasing number close to the epoch-microsecond clock: the version of a ClickHouse row where the latest
 * write must win ({@code patient_history.version}, {@code feedback.answer_seq}) even for two writes in the same tick.
 */
public final class MonotonicMicros {
    /** The process's counter for {@code patient_history} versions (all writers of one JVM stay strictly ordered). */
    public static final MonotonicMicros HISTORY = new MonotonicMicros();

    private final AtomicLong last = new AtomicLong();

    /** The next value: the current microsecond, or one more than the previous value if that is not later. */
    public long next() {
        long micros = System.currentTimeMillis() * 1000;
        return last.updateAndGet(previous -> Math.max(previous + 1, micros));
    }
}
