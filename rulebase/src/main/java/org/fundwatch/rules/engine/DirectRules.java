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
 * <p>Immutable and thread-safe; per evaluation it allocates one list per fact type and per alpha node used.
 */
final class DirectRules {
    /** System property: {@code false} evaluates every rule in Drools (to compare, or to rule this path out). */
    static final String PROPERTY = "fundwatch.rules.direct";

    /** A rule, its metadata and, per pattern, the alpha node whose facts it joins. */
    private record Entry(DirectRule rule, RuleMetadata meta, int[] nodes) {}

    /**
     * An alpha node: the facts of its parent (or of fact type {@code type} when {@code parent} is -1) that pass
     * {@code test} ({@code test} null: the type's facts themselves).
     */
    private record Node(int parent, int type, DirectRule.Alpha test) {}

    private final Map<String, DirectRule> byName;
    private final Map<Phase, List<Entry>> byPhase = new EnumMap<>(Phase.class);
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Class<?>, int[]> typesOfClass = new ConcurrentHashMap<>();

    private DirectRules(Map<String, DirectRule> byName, Map<String, RuleMetadata> metadata) {
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
                int node = nodeIds.computeIfAbsent(path, k -> add(new Node(-1, type, null)));
                for (DirectRule.Alpha a : r.alpha().get(i)) {
                    int parent = node;
                    path = path + "\n" + a.key();
                    node = nodeIds.computeIfAbsent(path, k -> add(new Node(parent, type, a)));
                }
                patternNodes[i] = node;
            }
            entries.add(new Entry(r, metadata.get(r.name()), patternNodes));
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

    /** The direct rules among {@code rules} (all of them stay in Drools when {@code enabled} is false). */
    static DirectRules of(List<Rule> rules, Map<String, RuleMetadata> metadata, boolean enabled) {
        Map<String, DirectRule> direct = new LinkedHashMap<>();
        if (enabled && !anyConsequenceChangesFacts(rules)) {
            for (Rule r : rules) {
                DirectRule d = metadata.containsKey(r.getName()) ? DirectRule.of(r) : null;
                if (d != null) {
                    direct.put(r.getName(), d);
                }
            }
        }
        return new DirectRules(direct, metadata);
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
        List<Entry> rules = byPhase.get(phase);
        if (rules.isEmpty()) {
            return;
        }
        Memory memory = new Memory(group(facts, params));
        for (int r = 0, n = rules.size(); r < n; r++) {
            Entry entry = rules.get(r);
            DirectRule rule = entry.rule();
            if (!out.applies(rule.name(), entry.meta())) {
                continue;
            }
            int mark = out.mark();
            try {
                List<Object>[] candidates = memory.candidates(entry.nodes(), rule);
                if (candidates != null) {
                    rule.fire(candidates, out);
                }
            } catch (Exception | LinkageError e) {
                out.conditionFailed(rule.name(), mark, e);
            }
        }
    }

    /** One evaluation's facts by type and, computed on first use, by alpha node. */
    private final class Memory {
        private final List<Object>[] byType;
        private final List<Object>[] byNode;

        @SuppressWarnings("unchecked")
        Memory(List<Object>[] byType) {
            this.byType = byType;
            this.byNode = new List[nodes.size()];
        }

        /**
         * The facts of each element's node (null for an element without facts); null when a pattern that needs a fact
         * has none (no match possible).
         */
        @SuppressWarnings("unchecked")
        List<Object>[] candidates(int[] patternNodes, DirectRule rule) throws Exception {
            List<Object>[] out = new List[patternNodes.length];
            for (int i = 0; i < patternNodes.length; i++) {
                if (patternNodes[i] < 0) {
                    continue;
                }
                out[i] = facts(patternNodes[i]);
                if (out[i].isEmpty() && rule.requiresFact(i)) {
                    return null;
                }
            }
            return out;
        }

        private List<Object> facts(int id) throws Exception {
            List<Object> known = byNode[id];
            if (known != null) {
                return known;
            }
            Node node = nodes.get(id);
            List<Object> result;
            if (node.test() == null) {
                result = byType[node.type()];
            } else {
                List<Object> in = facts(node.parent());
                result = in.isEmpty() ? in : filter(in, node.test());
            }
            byNode[id] = result;
            return result;
        }

        private static List<Object> filter(List<Object> in, DirectRule.Alpha alpha) throws Exception {
            List<Object> passing = null;
            for (int f = 0, n = in.size(); f < n; f++) {
                Object fact = in.get(f);
                if (alpha.test().test(fact)) {
                    if (passing == null) {
                        passing = new ArrayList<>(n - f);
                    }
                    passing.add(fact);
                }
            }
            return passing == null ? List.of() : passing;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object>[] group(List<Object> facts, RuleParams params) {
        List<Object>[] byType = new List[types.size()];
        for (int t = 0; t < byType.length; t++) {
            byType[t] = new ArrayList<>(4);
        }
        for (int i = 0, n = facts.size(); i < n; i++) {
            add(byType, facts.get(i));
        }
        add(byType, params);
        return byType;
    }

    private void add(List<Object>[] byType, Object fact) {
        for (int t : typesOfClass.computeIfAbsent(fact.getClass(), this::typesOf)) {
            byType[t].add(fact);
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
