package org.fundwatch.rules.engine.harness;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.engine.bench.CpuTimeRun;

/**
 * Measurement harness (not a test; docs/harness.md): an upper bound of what primitive amounts and times in the model
 * would gain ("ProfCanon" in docs/rule-pack.md, session 15). The rule bench's 512 encounters (A) are rebuilt so that
 * equal {@code BigDecimal}, {@link Money}, {@code LocalDateTime} and {@code LocalDate} values share one object (B):
 * those values then stay hot, as inline fields would. Both sets must give the same findings; then 3-s rounds of
 * thread CPU time alternate between A and B in one JVM, and the median ratio B/A is printed.
 *
 * <p>Arguments: knowledge-pack directory, phase (PRE/MID), rounds, optionally {@code strings} to share equal strings
 * too.
 */
public final class ValueSharingBound {
    private final Map<Object, Object> shared = new HashMap<>();
    private final boolean strings;

    private ValueSharingBound(boolean strings) {
        this.strings = strings;
    }

    public static void main(String[] args) throws Exception {
        BenchSetup bench = BenchSetup.of(args[0], args[1], BenchSetup.DEFAULT_PACK);
        RuleEngine engine = bench.engine();
        Phase phase = bench.phase();
        int rounds = Integer.parseInt(args[2]);
        ValueSharingBound sharing = new ValueSharingBound(args.length > 3 && args[3].equals("strings"));
        List<EncounterContext> original = bench.encounters();
        List<EncounterContext> rebuilt = new ArrayList<>();
        for (EncounterContext c : original) {
            rebuilt.add((EncounterContext) sharing.rebuild(c));
        }
        System.out.println("distinct shared values: " + sharing.shared.size());
        for (int i = 0; i < original.size(); i++) {
            if (!engine.evaluate(original.get(i), phase).findings()
                    .equals(engine.evaluate(rebuilt.get(i), phase).findings())) {
                throw new AssertionError("findings differ for encounter " + i);
            }
        }
        double[][] rates = new double[2][rounds];
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up
            for (int k = 0; k < 2; k++) {
                List<EncounterContext> contexts = k == 0 ? original : rebuilt;
                double rate = CpuTimeRun.perCpuSecond(
                        i -> engine.evaluate(contexts.get(i & 511), phase).findings().size(), 3);
                if (round >= 0) {
                    rates[k][round] = rate;
                }
            }
        }
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratio[i] = rates[1][i] / rates[0][i];
        }
        Arrays.sort(ratio);
        System.out.printf("as generated: median %.0f per CPU-second; values shared: median %.0f; ratio B/A median %.3f "
                        + "(%.3f–%.3f)%n", median(rates[0]), median(rates[1]), ratio[rounds / 2], ratio[0],
                ratio[rounds - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {@code value} with its model records rebuilt around shared value objects. */
    private Object rebuild(Object value) throws ReflectiveOperationException {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal || value instanceof Money || value instanceof LocalDateTime
                || value instanceof LocalDate || strings && value instanceof String) {
            return shared.computeIfAbsent(value, v -> v);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(rebuild(o));
            }
            return List.copyOf(out);
        }
        Class<?> type = value.getClass();
        if (type.isRecord() && type.getPackageName().equals("org.fundwatch.model")) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = rebuild(components[i].getAccessor().invoke(value));
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }
        return value;
    }
}
