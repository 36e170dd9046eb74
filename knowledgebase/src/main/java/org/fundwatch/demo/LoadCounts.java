package org.fundwatch.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the loader did with its input. The counts always reconcile: {@code in == processed + deadLettered},
 * and per transaction code likewise.
 */
public final class LoadCounts {
    private long in;
    private long processed;
    private long deadLettered;
    private final Map<String, long[]> byInfno = new TreeMap<>();
    private final Map<String, Long> drgByMdc = new TreeMap<>();
    private long grouped;
    private long ungroupable;

    void processed(String infno) {
        in++;
        processed++;
        byInfno.computeIfAbsent(infno, k -> new long[2])[0]++;
    }

    void deadLettered(String infno) {
        in++;
        deadLettered++;
        byInfno.computeIfAbsent(infno == null ? "?" : infno, k -> new long[2])[1]++;
    }

    void grouped(String mdc, boolean ok) {
        if (ok) {
            grouped++;
        } else {
            ungroupable++;
        }
        drgByMdc.merge(mdc == null || mdc.isEmpty() ? "(none)" : mdc, 1L, Long::sum);
    }

    public long in() {
        return in;
    }

    public long processed() {
        return processed;
    }

    public long deadLettered() {
        return deadLettered;
    }

    public long grouped() {
        return grouped;
    }

    public long ungroupable() {
        return ungroupable;
    }

    /** Per transaction code: {processed, dead-lettered}. */
    Map<String, long[]> byInfno() {
        return byInfno;
    }

    Map<String, Long> drgByMdc() {
        return drgByMdc;
    }

    public boolean reconciles() {
        long p = 0;
        long d = 0;
        for (long[] c : byInfno.values()) {
            p += c[0];
            d += c[1];
        }
        return in == processed + deadLettered && p == processed && d == deadLettered;
    }
}
