package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.model.Rule;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.fact.RuleParams;
import org.fundwatch.rules.source.RuleMetadata;

/**
 * The pack's {@link DirectRule}s: rules evaluated straight from the compiled executable model, outside any Drools
 * session, and left out of the phases' KieBases.
 *
 * <p>Why: a Drools session costs per rule whether or not the rule can match — segment and path memories, left-input
 * adapters and agenda entries for every rule that receives a fact, rebuilt after every session reset. A plain
 * conjunction of patterns over a few dozen facts is cheaper as nested loops over the same lambdas, and a rule the
 * evaluation's agenda filter would reject (phase, scene, effective dates, requested ids) is not evaluated at all.
 * Rules with {@code or}, {@code from}, {@code forall}, timers or accumulates of other forms stay in Drools; a pack
 * in which any consequence inserts, modifies or retracts facts keeps every rule in Drools (a direct rule would not
 * see what the session derived). DRL stays the only source of every rule; the equivalence with evaluating everything
 * in Drools is tested over every pack test case and generated encounters ({@code DirectRulesEquivalenceTest}), and
 * {@value #PROPERTY}{@code =false} turns the direct path off. Measurements: docs/rule-pack.md.
 *
 * <p>Like Drools' alpha network, a pattern's own constraints are shared between rules: the facts passing
 * {@code LineFact( current, medicine, … )} are filtered by {@code current} once per evaluation for every rule whose
 * pattern starts that way (same constraint expression, same order — so a constraint that throws still throws for
 * every rule that tests it, and never for one that does not).
 *
 * <p>Immutable and thread-safe; each thread reuses its own scratch memory (fact lists by type and alpha node,
 * binding slots), so an evaluation allocates almost nothing here.
 */
final class DirectRules {
    /** System property: {@code false} evaluates every rule in Drools (to compare, or to rule this path out). */
    static final String PROPERTY = "fundwatch.rules.direct";

    /**
     * A rule, its metadata, per pattern the alpha node whose facts it joins, and its effective dates as epoch days
     * ({@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} when open).
     */
    private record Entry(DirectRule rule, RuleMetadata meta, int[] nodes, long fromDay, long toDay) {
        Entry(DirectRule rule, RuleMetadata meta, int[] nodes) {
            this(rule, meta, nodes,
                    meta == null || meta.effectiveFrom() == null ? Long.MIN_VALUE : meta.effectiveFrom().toEpochDay(),
                    meta == null || meta.effectiveTo() == null ? Long.MAX_VALUE : meta.effectiveTo().toEpochDay());
        }
    }

    /**
     * An alpha node: the facts of its parent (or of fact type {@code type} when {@code parent} is -1) that pass
     * {@code test} ({@code test} null: the type's facts themselves).
     */
    private record Node(int parent, int type, DirectRule.Alpha test, AlphaLoops.Filter loop) {}

    private final Map<String, DirectRule> byName;
    private final Map<Phase, List<Entry>> byPhase = new EnumMap<>(Phase.class);
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Node[] nodeArray;
    /** The pattern types a fact of a class matches. */
    private final ClassValue<int[]> typesOfClass = new ClassValue<>() {
        @Override
        protected int[] computeValue(Class<?> c) {
            return typesOf(c);
        }
    };
    private final Map<SceneKey, Entry[]> scenes = new ConcurrentHashMap<>();
    /**
     * Scratch memory per thread. {@link Memory} holds no reference to this object, so a thread's entry does not keep
     * an engine that was swapped out alive (the thread-local's weak key can be collected).
     */
    private final ThreadLocal<Memory> memories = ThreadLocal.withInitial(this::newMemory);
    private int maxPatterns;
    private int maxSlots;

    private DirectRules(Map<String, DirectRule> byName, Map<String, RuleMetadata> metadata, RuleParams params) {
        this.byName = byName;
        Map<String, Integer> nodeIds = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (DirectRule r : byName.values()) {
            int[] patternNodes = new int[r.patternTypes().length];
            for (int i = 0; i < patternNodes.length; i++) {
                if (r.patternTypes()[i] == null) {
                    patternNodes[i] = -1; // a filter or an eval: no facts
                    continue;
                }
                int type = typeIndex(r.patternTypes()[i]);
                String path = "type:" + type;
                int node = nodeIds.computeIfAbsent(path, k -> add(new Node(-1, type, null, null)));
                for (DirectRule.Alpha a : r.alpha().get(i)) {
                    int parent = node;
                    path = path + "\n" + a.key();
                    node = nodeIds.computeIfAbsent(path, k -> add(new Node(parent, type, a, a.withConstant() == null
                            ? AlphaLoops.of(a.test()) : AlphaLoops.withConstant(a.withConstant(), params,
                            a.constantFirst()))));
                }
                patternNodes[i] = node;
            }
            entries.add(new Entry(r, metadata.get(r.name()), patternNodes));
            maxPatterns = Math.max(maxPatterns, patternNodes.length);
            maxSlots = Math.max(maxSlots, r.slots());
        }
        for (Phase phase : Phase.values()) {
            List<Entry> rules = new ArrayList<>();
            for (Entry e : entries) {
                if (e.meta() != null && e.meta().phases().contains(phase)) {
                    rules.add(e);
                }
            }
            byPhase.put(phase, List.copyOf(rules));
        }
        nodeArray = nodes.toArray(new Node[0]);
    }

    private int typeIndex(Class<?> type) {
        int t = types.indexOf(type);
        if (t < 0) {
            t = types.size();
            types.add(type);
        }
        return t;
    }

    private int add(Node node) {
        nodes.add(node);
        return nodes.size() - 1;
    }

    /**
     * The direct rules among {@code rules} (all of them stay in Drools when {@code enabled} is false); {@code params}
     * is the one rule-parameters fact every evaluation holds (constraints reading it and a line are alpha nodes).
     */
    static DirectRules of(List<Rule> rules, Map<String, RuleMetadata> metadata, RuleParams params, boolean enabled) {
        Map<String, DirectRule> direct = new LinkedHashMap<>();
        if (enabled && !anyConsequenceChangesFacts(rules)) {
            for (Rule r : rules) {
                DirectRule d = metadata.containsKey(r.getName()) ? DirectRule.of(r, RuleParams.class) : null;
                if (d != null) {
                    direct.put(r.getName(), d);
                }
            }
        }
        return new DirectRules(direct, metadata, params);
    }

    /**
     * Whether a consequence may insert, modify or retract facts (it uses {@code drools}): then other rules can match
     * facts that exist only inside a Drools session, so every rule of the pack stays in Drools.
     */
    private static boolean anyConsequenceChangesFacts(List<Rule> rules) {
        for (Rule r : rules) {
            for (org.drools.model.Consequence c : r.getConsequences().values()) {
                if (c.isUsingDrools()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the direct path is on (the default), per {@value #PROPERTY}. */
    static boolean enabledByDefault() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /** Whether {@code ruleName} is evaluated here (and so is left out of the KieBases). */
    boolean contains(String ruleName) {
        return byName.containsKey(ruleName);
    }

    /** The names of the direct rules. */
    Set<String> names() {
        return byName.keySet();
    }

    /**
     * Fires the direct rules of {@code phase} that the collector lets run over {@code facts} plus the pack's
     * {@code params} (what a Drools session of the engine holds). A rule whose condition throws reports nothing and is
     * recorded as a {@code condition} failure; the others go on.
     */
    void evaluate(Phase phase, List<Object> facts, RuleParams params, FindingCollector out) {
        Memory memory = memories.get();
        Entry[] rules = memory.lastSelected(phase, out);
        if (rules == null) {
            rules = selected(phase, out);
            memory.rememberSelected(phase, out, rules);
        }
        if (rules.length == 0) {
            return;
        }
        memory.start(facts, params, typesOfClass);
        try {
            long day = out.epochDay();
            boolean all = out.requestsAll();
            for (Entry entry : rules) {
                DirectRule rule = entry.rule();
                if (all ? day != Long.MIN_VALUE && (day < entry.fromDay() || day > entry.toDay())
                        : !out.applies(rule.name(), entry.meta())) {
                    continue;
                }
                int mark = out.mark();
                try {
                    FactList[] candidates = memory.candidates(entry.nodes(), rule, nodeArray);
                    if (candidates != null) {
                        rule.fire(candidates, memory.bound(rule), out);
                    }
                } catch (Exception | LinkageError e) {
                    out.conditionFailed(rule.name(), mark, e);
                }
            }
        } finally {
            memory.finish();
        }
    }

    /**
     * The rules of {@code phase} whose scenes cover the evaluation's trigger scenario, medical category and internet
     * care (what {@link FindingCollector#applies} checks besides dates and requested ids), cached per combination:
     * there are a few dozen in practice; beyond {@value #MAX_SCENES} (unusual {@code med_type} values) they are
     * computed per evaluation rather than cached without bound.
     */
    private Entry[] selected(Phase phase, FindingCollector out) {
        SceneKey key = new SceneKey(phase, out.triggerScenario(), out.medType(), out.isInternet());
        Entry[] known = scenes.get(key);
        if (known != null) {
            return known;
        }
        List<Entry> covering = new ArrayList<>();
        for (Entry e : byPhase.get(phase)) {
            if (e.meta().scenes().covers(key.triggerScenario(), key.medType(), key.internet())) {
                covering.add(e);
            }
        }
        Entry[] result = covering.toArray(new Entry[0]);
        if (scenes.size() < MAX_SCENES) {
            scenes.putIfAbsent(key, result);
        }
        return result;
    }

    private static final int MAX_SCENES = 1024;

    /**
     * What decides which rules' scenes cover an evaluation. Equality and hash written out: a record's generated
     * {@code hashCode} goes through method handles and the enum's identity hash, which cost 3 % of a cold evaluation
     * whenever the scene differs from the thread's previous one.
     */
    private record SceneKey(Phase phase, String triggerScenario, String medType, boolean internet) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SceneKey k && phase == k.phase && internet == k.internet
                    && java.util.Objects.equals(triggerScenario, k.triggerScenario)
                    && java.util.Objects.equals(medType, k.medType);
        }

        @Override
        public int hashCode() {
            int h = phase.ordinal() * 31 + (internet ? 1 : 0);
            h = h * 31 + (triggerScenario == null ? 0 : triggerScenario.hashCode());
            return h * 31 + (medType == null ? 0 : medType.hashCode());
        }
    }

    /**
     * One evaluation's facts by type and, computed on first use, by alpha node. One per thread and engine, reused:
     * its lists are emptied after each evaluation (their references to its facts are overwritten by the thread's next
     * one: see {@link FactList#clear}).
     */
    private Memory newMemory() {
        return new Memory(types.size(), nodes.size(), maxPatterns, maxSlots);
    }

    private static final class Memory {
        private final FactList[] byType;
        private final FactList[] filtered;
        private final FactList[] byNode;
        private final int[] used; // the nodes computed in this evaluation, to clear them at the end
        private int usedCount;
        private final FactList[] candidates;
        private final Object[] bound;

        @SuppressWarnings("unchecked")
        Memory(int types, int nodes, int maxPatterns, int maxSlots) {
            byType = new FactList[types];
            for (int t = 0; t < byType.length; t++) {
                byType[t] = new FactList(8);
            }
            filtered = new FactList[nodes];
            byNode = new FactList[nodes];
            used = new int[nodes];
            candidates = new FactList[maxPatterns];
            bound = new Object[maxSlots];
        }

        void start(List<Object> facts, RuleParams params, ClassValue<int[]> typesOfClass) {
            for (int i = 0, n = facts.size(); i < n; i++) {
                add(facts.get(i), typesOfClass);
            }
            add(params, typesOfClass);
        }

        private void add(Object fact, ClassValue<int[]> typesOfClass) {
            Class<?> c = fact.getClass();
            if (c != lastClass) { // facts come in runs of one class (the lines, the history lines …)
                lastClass = c;
                lastTypes = typesOfClass.get(c);
            }
            for (int t : lastTypes) {
                byType[t].add(fact);
            }
        }

        private Class<?> lastClass;
        private int[] lastTypes;

        // The rules the previous evaluation of this thread selected, and for what: consecutive requests mostly share
        // phase, trigger scenario, medical category and internet care, and then skip building a key and a map lookup.
        private Phase selectedPhase;
        private String selectedTrigger;
        private String selectedMedType;
        private boolean selectedInternet;
        private Entry[] selected;

        /** The rules selected for the previous evaluation when it had the same scene as {@code out}; else null. */
        Entry[] lastSelected(Phase phase, FindingCollector out) {
            return selected != null && phase == selectedPhase && selectedInternet == out.isInternet()
                    && java.util.Objects.equals(selectedTrigger, out.triggerScenario())
                    && java.util.Objects.equals(selectedMedType, out.medType()) ? selected : null;
        }

        void rememberSelected(Phase phase, FindingCollector out, Entry[] rules) {
            selectedPhase = phase;
            selectedTrigger = out.triggerScenario();
            selectedMedType = out.medType();
            selectedInternet = out.isInternet();
            selected = rules;
        }

        void finish() {
            for (FactList l : byType) {
                l.clear();
            }
            for (int i = 0; i < usedCount; i++) {
                int node = used[i];
                byNode[node] = null;
                if (filtered[node] != null) {
                    filtered[node].clear();
                }
            }
            usedCount = 0;
            lastClass = null;
            lastTypes = null;
            java.util.Arrays.fill(candidates, null);
            java.util.Arrays.fill(bound, null);
        }

        /** The slots for firing {@code rule} (stale values are overwritten before they are read). */
        Object[] bound(DirectRule rule) {
            return bound;
        }

        /**
         * The facts of each element's node (null for an element without facts); null when a pattern that needs a fact
         * has none (no match possible).
         */
        FactList[] candidates(int[] patternNodes, DirectRule rule, Node[] nodes) throws Exception {
            FactList[] out = candidates;
            for (int i = 0; i < patternNodes.length; i++) {
                if (patternNodes[i] < 0) {
                    out[i] = null;
                    continue;
                }
                out[i] = facts(patternNodes[i], nodes);
                if (out[i].isEmpty() && rule.requiresFact(i)) {
                    return null;
                }
            }
            return out;
        }

        private FactList facts(int id, Node[] nodes) throws Exception {
            FactList known = byNode[id];
            if (known != null) {
                return known;
            }
            Node node = nodes[id];
            FactList result;
            if (node.test() == null) {
                result = byType[node.type()];
            } else {
                FactList in = facts(node.parent(), nodes);
                result = filtered[id];
                if (result == null) {
                    result = new FactList(in.size());
                    filtered[id] = result;
                }
                if (!in.isEmpty()) {
                    node.loop().filter(in, result);
                }
            }
            byNode[id] = result;
            used[usedCount++] = id;
            return result;
        }
    }

    /** The pattern types a fact of class {@code c} matches (its class, superclasses, interfaces). */
    private int[] typesOf(Class<?> c) {
        List<Integer> matching = new ArrayList<>(1);
        for (int t = 0; t < types.size(); t++) {
            if (types.get(t).isAssignableFrom(c)) {
                matching.add(t);
            }
        }
        return matching.stream().mapToInt(Integer::intValue).toArray();
    }
}
