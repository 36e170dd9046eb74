package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.drools.model.Rule;
import org.fundwatch.rules.engine.RuleShape.PatternFilter;

/**
 * Trigger-based rule selection for one phase. Most encounters touch few rule families (no line with a gender
 * restriction → the gender rules cannot match; an outpatient visit → no inpatient rule). Before Drools sees an
 * encounter, the selector tests each distinct required pattern of the phase's rules ({@link RuleShape}) against the
 * encounter's facts in plain Java and keeps the rules whose required patterns all have a fact; the engine then runs
 * a KieBase with only those rules and inserts only the facts they read ({@link FactFilter}). A rule that is not
 * selected could not have matched, so the findings are the same as with the whole phase — without paying Drools'
 * per-rule alpha and join work for rules that stay silent.
 */
final class RuleSelector {
    private final List<String> names;
    private final Map<String, Integer> indexOf;
    private final RuleShape[] shapes;
    private final PatternFilter[] guards;
    /** Per rule: the indices in {@link #guards} it requires; null when the rule is opaque (always selected). */
    private final int[][] ruleGuards;
    private final Map<Class<?>, int[]> guardsByClass = new ConcurrentHashMap<>();

    RuleSelector(List<Rule> rules) {
        List<String> n = new ArrayList<>(rules.size());
        Map<String, Integer> idx = new HashMap<>();
        shapes = new RuleShape[rules.size()];
        ruleGuards = new int[rules.size()][];
        Map<PatternFilter, Integer> distinct = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleShape shape = RuleShape.of(rules.get(i));
            shapes[i] = shape;
            n.add(shape.name());
            idx.put(shape.name(), i);
            if (shape.opaque()) {
                continue;
            }
            int[] g = new int[shape.required().size()];
            for (int j = 0; j < g.length; j++) {
                g[j] = distinct.computeIfAbsent(shape.required().get(j), f -> distinct.size());
            }
            ruleGuards[i] = g;
        }
        names = List.copyOf(n);
        indexOf = Map.copyOf(idx);
        guards = distinct.keySet().toArray(new PatternFilter[0]);
    }

    /** The phase's rule names; bit i of a selection is rule i. */
    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /**
     * The rules that may match {@code facts} (and {@code extra}, e.g. the parameters fact), restricted to those
     * {@code applies} accepts (scene, dates, requested ids) and not in {@code excluded}.
     */
    BitSet select(List<Object> facts, Object extra, Predicate<String> applies, Set<String> excluded) {
        boolean[] present = new boolean[guards.length];
        for (int i = 0, n = facts.size(); i < n; i++) {
            mark(facts.get(i), present);
        }
        if (extra != null) {
            mark(extra, present);
        }
        BitSet selected = new BitSet(names.size());
        rules:
        for (int r = 0; r < shapes.length; r++) {
            int[] g = ruleGuards[r];
            if (g != null) {
                for (int k : g) {
                    if (!present[k]) {
                        continue rules;
                    }
                }
            }
            String name = names.get(r);
            if (applies.test(name) && !excluded.contains(name)) {
                selected.set(r);
            }
        }
        return selected;
    }

    private void mark(Object fact, boolean[] present) {
        int[] candidates = guardsByClass.get(fact.getClass());
        if (candidates == null) {
            candidates = guardsByClass.computeIfAbsent(fact.getClass(), this::guardsOf);
        }
        for (int k : candidates) {
            if (!present[k] && guards[k].accepts(fact)) {
                present[k] = true;
            }
        }
    }

    private int[] guardsOf(Class<?> factClass) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < guards.length; k++) {
            if (guards[k].type().isAssignableFrom(factClass)) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether every rule of {@code selection} is one of the phase's rules named in {@code keep}. */
    Predicate<String> namesOf(BitSet selection) {
        Set<String> keep = new java.util.HashSet<>();
        selection.stream().forEach(i -> keep.add(names.get(i)));
        return keep::contains;
    }

    /** The bits of the rules {@code keep} accepts. */
    BitSet bitsOf(Predicate<String> keep) {
        BitSet bits = new BitSet(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (keep.test(names.get(i))) {
                bits.set(i);
            }
        }
        return bits;
    }

    /** Index of rule {@code name} in this phase, or -1. */
    int indexOf(String name) {
        Integer i = indexOf.get(name);
        return i == null ? -1 : i;
    }

    /** The facts the rules of {@code selection} can see: those passing the alpha constraints of one of their patterns. */
    FactFilter filterFor(BitSet selection) {
        List<PatternFilter> reads = new ArrayList<>();
        boolean opaque = false;
        for (int i = selection.nextSetBit(0); i >= 0; i = selection.nextSetBit(i + 1)) {
            opaque |= shapes[i].opaque();
            for (PatternFilter f : shapes[i].reads()) {
                if (!reads.contains(f)) {
                    reads.add(f);
                }
            }
        }
        return new FactFilter(opaque ? null : reads);
    }

    /**
     * Decides which facts to insert into a KieBase of selected rules: a fact that passes the alpha constraints of none
     * of its patterns would be dropped by the first alpha node anyway, so it is not inserted at all.
     */
    static final class FactFilter {
        private static final PatternFilter[] NONE = new PatternFilter[0];
        private final List<PatternFilter> reads;
        private final Map<Class<?>, PatternFilter[]> byClass = new ConcurrentHashMap<>();

        /** {@code reads} null: every fact is inserted (a rule the analysis could not read is selected). */
        FactFilter(List<PatternFilter> reads) {
            this.reads = reads;
        }

        boolean accepts(Object fact) {
            if (reads == null) {
                return true;
            }
            PatternFilter[] filters = byClass.get(fact.getClass());
            if (filters == null) {
                filters = byClass.computeIfAbsent(fact.getClass(), this::filtersOf);
            }
            for (PatternFilter f : filters) {
                if (f.accepts(fact)) {
                    return true;
                }
            }
            return false;
        }

        private PatternFilter[] filtersOf(Class<?> factClass) {
            List<PatternFilter> out = new ArrayList<>();
            for (PatternFilter f : reads) {
                if (f.type().isAssignableFrom(factClass)) {
                    if (f.acceptsAll()) {
                        return new PatternFilter[] {f};
                    }
                    out.add(f);
                }
            }
            return out.isEmpty() ? NONE : out.toArray(NONE);
        }
    }
}
