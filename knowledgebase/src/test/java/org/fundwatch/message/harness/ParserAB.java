package org.fundwatch.message.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Measurement harness (not a test; docs/harness.md): CPU per message of {@code MessageParser.parse(bytes, bind)} in
 * two builds, alternating in one JVM ("ABP" in docs/streaming.md). Each build is loaded from its own jar (a
 * {@code -cli} jar of the knowledgebase or rulebase module, which carries Jackson) in a class loader of its own. The
 * bind predicate is the stream job's: fee details, outpatient visits and settlements are bound.
 *
 * <p>Arguments: a file of messages (one per line, e.g. a generated day), rounds, jar A, jar B.
 */
public final class ParserAB {
    private ParserAB() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            messages.add(line.getBytes(StandardCharsets.UTF_8));
        }
        int rounds = Integer.parseInt(args[1]);
        Object[] parsers = new Object[2];
        Method[] parse = new Method[2];
        for (int k = 0; k < 2; k++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[2 + k]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("org.fundwatch.message.MessageParser");
            parsers[k] = type.getConstructor().newInstance();
            parse[k] = type.getMethod("parse", byte[].class, Predicate.class);
        }
        Predicate<Object> bind = new JobBinds();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[2][rounds];
        long sink = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (int k = 0; k < 2; k++) {
                long start = threads.getCurrentThreadCpuTime();
                for (byte[] m : messages) {
                    sink += parse[k].invoke(parsers[k], m, bind).hashCode() & 1;
                }
                if (round >= 0) {
                    micros[k][round] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / messages.size();
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] sorted = micros[k].clone();
            Arrays.sort(sorted);
            System.out.printf("%s: median %.2f µs/message (min %.2f, max %.2f)%n", args[2 + k], sorted[rounds / 2],
                    sorted[0], sorted[rounds - 1]);
        }
        System.out.println("(" + sink + ")");
    }

    /** The stream job's predicate, by the transaction's input type (each build has its own Transaction class). */
    private static final class JobBinds implements Predicate<Object> {
        private final Map<Object, Boolean> known = new IdentityHashMap<>();

        @Override
        public boolean test(Object transaction) {
            return known.computeIfAbsent(transaction, t -> {
                try {
                    Class<?> input = (Class<?>) t.getClass().getMethod("inputType").invoke(t);
                    return input.getSimpleName().matches("FeeDetailInput|SettlementInput|OutpatientVisitInput");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
