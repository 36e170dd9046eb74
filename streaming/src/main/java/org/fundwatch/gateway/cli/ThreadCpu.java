package org.fundwatch.gateway.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's live threads between {@link #start()} and {@link #perRequest(int)}, summed per thread group
 * (the name without its numbers: {@code gateway-12} and {@code gateway-40} are {@code gateway-N}). Tells the bench
 * reader where a request's CPU goes: request threads, write-behind batchers, history reads, the load client.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startNanos = new HashMap<>();

    private ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            startNanos.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** Per group, the CPU milliseconds spent since {@link #start()} divided by {@code requests}; largest first. */
    String perRequest(int requests) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long now = threads.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            long spent = now - startNanos.getOrDefault(id, 0L);
            byGroup.merge(info.getThreadName().replaceAll("\\d+", "N"), spent, Long::sum);
        }
        return byGroup.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / Math.max(1, requests)))
                .collect(Collectors.joining(", "));
    }
}
