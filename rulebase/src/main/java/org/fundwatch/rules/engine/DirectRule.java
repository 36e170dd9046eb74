package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.io.Serializable;
import org.drools.model.AccumulatePattern;
import org.drools.model.Binding;
import org.drools.model.Condition;
import org.drools.model.Consequence;
import org.drools.model.Constraint;
import org.drools.model.Declaration;
import org.drools.model.Global;
import org.drools.model.Pattern;
import org.drools.model.Rule;
import org.drools.model.SingleConstraint;
import org.drools.model.Variable;
import org.drools.model.functions.BlockN;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.Predicate2;
import org.drools.model.functions.PredicateN;
import org.drools.model.functions.accumulate.AccumulateFunction;
import org.drools.model.patterns.EvalImpl;

/**
 * A compiled rule whose condition is a conjunction of patterns, {@code not} patterns, {@code exists} patterns,
 * {@code accumulate}s over one pattern with the engine's own accumulate functions ({@code count}, {@code sum},
 * {@code collectList} …) and constraints on their results, and {@code eval}s — no {@code or}, {@code from},
 * {@code forall} or timers; bindings ({@code $atc : secondLineAtc}) on positive patterns and inside an accumulate's
 * pattern — and whose consequence only reports through the global {@code out} (it does not use {@code drools}, so it
 * cannot insert, modify or retract facts). For such a rule the matches are exactly the combinations of facts, one per
 * positive pattern, that pass every constraint, for which no fact (for {@code not}) or some fact (for {@code exists})
 * passes the existential pattern's constraints, and for which the accumulate results (over every fact passing the
 * accumulate pattern's constraints, in Drools' order; an empty set still gives a result, e.g. {@code count} 0) and the
 * {@code eval}s pass; each match fires once. {@link DirectRules} finds them with nested loops and runs the executable
 * model's own constraint, binding, accumulate-function and consequence code, the code Drools would run. Every rule of
 * the national pack has this shape (a knowledge-table line check joined to the patient or the encounter; "no
 * first-line drug in this visit or earlier ones"; "ten outpatient visits in 30 days").
 *
 * <p>{@link #of} returns null for any other shape; such rules stay in the Drools network.
 */
final class DirectRule {
    /**
     * A constraint on its pattern's own fact; {@code key} is equal for the same expression on the same type. Either
     * {@code test} on the fact, or — for a constraint that also reads the engine's one constant fact (the rule
     * parameters, see {@link #of}) — {@code withConstant} on the constant and the fact ({@code constantFirst} tells the
     * argument order).
     */
    record Alpha(Predicate1<Object> test, String key, Predicate2<Object, Object> withConstant, boolean constantFirst) {
        Alpha(Predicate1<Object> test, String key) {
            this(test, key, null, false);
        }
    }

    /** A constraint that also reads earlier patterns or bindings, tested per candidate fact of its pattern. */
    private record Join(Predicate1<Object> p1, Predicate2<Object, Object> p2, PredicateN pn, int[] args) {
        boolean test(Object[] bound) throws Exception {
            if (p1 != null) {
                return p1.test(bound[args[0]]);
            }
            if (p2 != null) {
                return p2.test(bound[args[0]], bound[args[1]]);
            }
            return pn.test(values(bound, args));
        }
    }

    /**
     * How a condition element matches: a positive pattern binds a fact; {@code not} / {@code exists} bind nothing; an
     * accumulate binds its results; a filter (constraints on an accumulate result, {@code $n >= 9}) and an
     * {@code eval} only test what is bound.
     */
    private enum Kind { MATCH, NOT, EXISTS, ACCUMULATE, FILTER, EVAL }

    /**
     * An accumulate function of an accumulate element: Drools' own function object (stateless; the state lives in a
     * context per evaluation), the slot of its argument ({@code -1}: the matched fact itself, as for {@code count()})
     * and the slot its result goes to.
     */
    private record Accumulation(org.kie.api.runtime.rule.AccumulateFunction<Serializable> function, int source,
                                int result) {}

    /**
     * A binding of a positive pattern: its value, computed from slots {@code inputs}, goes to slot {@code slot};
     * {@code function} is the binding's own function when it reads one input (called without an argument array).
     */
    private record Bind(Binding binding, int slot, int[] inputs, org.drools.model.functions.Function1<Object, Object> function) {
        @SuppressWarnings("unchecked")
        Bind(Binding binding, int slot, int[] inputs) {
            this(binding, slot, inputs, inputs.length == 1 && binding instanceof org.drools.model.view.BindViewItem1<?>
                    ? (org.drools.model.functions.Function1<Object, Object>) binding.getBindingFunction() : null);
        }
    }

    /** The consequence argument that stands for the global {@code out}. */
    private static final int COLLECTOR = -1;

    private final String name;
    private final Class<?>[] patternTypes;
    private final Kind[] kinds;
    private final List<List<Alpha>> alpha;
    private final Join[][] joins;
    private final Bind[][] binds;
    private final Accumulation[][] accumulations;
    private final int slots;
    private final BlockN consequence;
    private final int[] consequenceArgs;

    private DirectRule(String name, Class<?>[] patternTypes, Kind[] kinds, List<List<Alpha>> alpha, Join[][] joins,
                       Bind[][] binds, Accumulation[][] accumulations, int slots, BlockN consequence,
                       int[] consequenceArgs) {
        this.name = name;
        this.patternTypes = patternTypes;
        this.kinds = kinds;
        this.alpha = alpha;
        this.joins = joins;
        this.binds = binds;
        this.accumulations = accumulations;
        this.slots = slots;
        this.consequence = consequence;
        this.consequenceArgs = consequenceArgs;
    }

    /**
     * A condition element and how it matches: {@code pattern} is the pattern (for an accumulate, the pattern it
     * accumulates over; null for an eval), {@code accumulate} the accumulate, {@code eval} the eval's expression.
     */
    private record Element(Pattern<?> pattern, Kind kind, AccumulatePattern<?> accumulate, SingleConstraint eval) {
        Element(Pattern<?> pattern, Kind kind) {
            this(pattern, kind, null, null);
        }
    }

    /**
     * The rule as a direct rule, or null when its shape needs the Drools network. Slots: element {@code i}'s fact is
     * slot {@code i} (unused for a filter or an eval); binding variables and accumulate results follow, in the order
     * they are bound.
     */
    @SuppressWarnings("unchecked")
    static DirectRule of(Rule rule) {
        return of(rule, null);
    }

    /**
     * As {@link #of(Rule)}, where {@code constant} is the class of a fact of which every evaluation holds exactly the
     * same one instance (the pack's rule parameters): a pattern of that class without constraints or bindings always
     * binds that instance, so a later pattern's constraint that reads only its own fact and that pattern
     * ({@code $p.anyPrefix(…, itemCode, …)}) is evaluated like a constraint on the fact alone — after its own
     * constraints, in an alpha node shared between rules — instead of in the join loop.
     */
    @SuppressWarnings("unchecked")
    static DirectRule of(Rule rule, Class<?> constant) {
        if (!plainAttributes(rule) || rule.getConsequences().size() != 1) {
            return null;
        }
        List<Element> elements = elements(rule.getView());
        Consequence then = rule.getDefaultConsequence();
        if (elements == null || elements.isEmpty() || then == null
                || then.isUsingDrools() || then.isBreaking() || then.getBlock() == null) {
            return null;
        }
        int n = elements.size();
        List<Variable<?>> slotVars = new ArrayList<>();
        List<Variable<?>> results = new ArrayList<>(); // accumulate results bound so far
        Class<?>[] types = new Class<?>[n];
        Kind[] kinds = new Kind[n];
        boolean[] constantElement = new boolean[n];
        for (int i = 0; i < n; i++) {
            Element e = elements.get(i);
            kinds[i] = e.kind();
            if (e.kind() == Kind.EVAL) {
                slotVars.add(null);
                continue;
            }
            Pattern<?> p = e.pattern();
            if (e.kind() == Kind.MATCH && results.contains(p.getPatternVariable())) {
                // constraints on an accumulate result ($n >= 9): nothing to iterate, nothing to bind
                if (!p.getBindings().isEmpty()) {
                    return null;
                }
                kinds[i] = Kind.FILTER;
                slotVars.add(null);
                continue;
            }
            if (!(p.getPatternVariable() instanceof Declaration<?> d) || d.getSource() != null || d.getWindow() != null
                    || p.isPassive() || slotVars.contains(d)
                    || ((e.kind() == Kind.NOT || e.kind() == Kind.EXISTS) && !p.getBindings().isEmpty())) {
                return null;
            }
            if (e.kind() == Kind.ACCUMULATE) {
                AccumulatePattern<?> acc = e.accumulate();
                if (acc.isCompositePatterns() || acc.isQuerySource() || acc.getAccumulateFunctions() == null
                        || acc.getAccumulateFunctions().length == 0) {
                    return null;
                }
                for (AccumulateFunction f : acc.getAccumulateFunctions()) {
                    if (f.getResult() == null || (f.getExternalVars() != null && f.getExternalVars().length > 0)
                            || (f.getSource() != null && !(f.getSource() instanceof Variable<?>))
                            || !(f.createFunctionObject() instanceof org.kie.api.runtime.rule.AccumulateFunction<?>)) {
                        return null;
                    }
                    results.add(f.getResult());
                }
            }
            slotVars.add(d);
            types[i] = d.getType();
            if (constant != null && e.kind() == Kind.MATCH && d.getType() == constant && p.getBindings().isEmpty()) {
                List<SingleConstraint> none = new ArrayList<>();
                constantElement[i] = flatten(p.getConstraint(), none) && none.isEmpty();
            }
        }
        // What a constraint or binding of element i may read: its own fact, and the facts, bindings and accumulate
        // results bound before it.
        List<Integer> available = new ArrayList<>();
        List<List<Alpha>> alpha = new ArrayList<>();
        Join[][] joins = new Join[n][];
        Bind[][] binds = new Bind[n][];
        Accumulation[][] accumulations = new Accumulation[n][];
        for (int i = 0; i < n; i++) {
            Element e = elements.get(i);
            boolean hasFact = types[i] != null;
            List<SingleConstraint> singles = new ArrayList<>();
            if (!flatten(kinds[i] == Kind.EVAL ? e.eval() : e.pattern().getConstraint(), singles)) {
                return null;
            }
            if (hasFact) {
                available.add(i);
            }
            List<Alpha> own = new ArrayList<>();
            List<Alpha> withConstant = new ArrayList<>(0); // after the pattern's own constraints, as Drools orders them
            List<Join> join = new ArrayList<>();
            for (SingleConstraint s : singles) {
                Variable<?>[] vars = s.getVariables();
                if (s.isTemporal() || vars == null || vars.length == 0) {
                    return null;
                }
                int[] args = slotsOf(vars, slotVars, available);
                if (args == null) {
                    return null; // a global, or a variable not bound before this element
                }
                if (hasFact && vars.length == 1 && args[0] == i) {
                    Predicate1<Object> test = unwrapped((Predicate1<Object>) s.getPredicate1());
                    // The executable model names an expression by its text: the same id on the same type is the same
                    // test (the lambda class is part of the key so that two different lambdas are never merged).
                    own.add(new Alpha(test, types[i].getName() + "|" + s.getExprId() + "|" + test.getClass().getName()));
                } else if (hasFact && vars.length == 2 && kinds[i] != Kind.ACCUMULATE
                        && ((args[0] == i && isConstant(constantElement, args[1]))
                        || (args[1] == i && isConstant(constantElement, args[0])))) {
                    Predicate2<Object, Object> test = unwrapped((Predicate2<Object, Object>) s.getPredicate2());
                    withConstant.add(new Alpha(null, types[i].getName() + "|" + s.getExprId() + "|"
                            + test.getClass().getName() + "|constant " + (args[1] == i), test, args[1] == i));
                } else {
                    join.add(switch (vars.length) {
                        case 1 -> new Join((Predicate1<Object>) s.getPredicate1(), null, null, args);
                        case 2 -> new Join(null, (Predicate2<Object, Object>) s.getPredicate2(), null, args);
                        default -> new Join(null, null, s.getPredicate(), args);
                    });
                }
            }
            List<Bind> bind = new ArrayList<>();
            if (hasFact) {
                for (Binding b : e.pattern().getBindings()) {
                    Variable<?>[] inputs = b.getInputVariables();
                    int[] in = inputs == null ? null : slotsOf(inputs, slotVars, available);
                    if (in == null || b.getBoundVariable() == null || slotVars.contains(b.getBoundVariable())) {
                        return null;
                    }
                    slotVars.add(b.getBoundVariable());
                    bind.add(new Bind(b, slotVars.size() - 1, in));
                    available.add(slotVars.size() - 1);
                }
            }
            own.addAll(withConstant);
            alpha.add(List.copyOf(own));
            joins[i] = join.toArray(new Join[0]);
            binds[i] = bind.toArray(new Bind[0]);
            if (kinds[i] == Kind.ACCUMULATE) {
                accumulations[i] = accumulations(e.accumulate(), slotVars, available);
                if (accumulations[i] == null) {
                    return null;
                }
            }
            if (kinds[i] == Kind.NOT || kinds[i] == Kind.EXISTS || kinds[i] == Kind.ACCUMULATE) {
                // binds nothing for what follows but the accumulate results
                available.remove(Integer.valueOf(i));
                for (Bind b : binds[i]) {
                    available.remove(Integer.valueOf(b.slot()));
                }
            }
            if (accumulations[i] != null) {
                for (Accumulation a : accumulations[i]) {
                    available.add(a.result());
                }
            }
        }
        Variable<?>[] arguments = then.getVariables(); // the block's arguments: declarations, then globals
        int[] consequenceArgs = new int[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            Variable<?> v = arguments[a];
            if (v instanceof Global<?> g) {
                if (!"out".equals(g.getName())) {
                    return null;
                }
                consequenceArgs[a] = COLLECTOR;
            } else {
                int slot = v == null ? -1 : slotVars.indexOf(v);
                if (slot < 0 || !available.contains(slot)) {
                    return null;
                }
                consequenceArgs[a] = slot;
            }
        }
        return new DirectRule(rule.getName(), types, kinds, List.copyOf(alpha), joins, binds, accumulations,
                slotVars.size(), then.getBlock(), consequenceArgs);
    }

    /**
     * The functions of {@code acc}: each argument read from the accumulated fact or a binding of its pattern (slots in
     * {@code available}), each result bound to a new slot; null when an argument is not among them.
     */
    @SuppressWarnings("unchecked")
    private static Accumulation[] accumulations(AccumulatePattern<?> acc, List<Variable<?>> slotVars,
                                                List<Integer> available) {
        AccumulateFunction[] functions = acc.getAccumulateFunctions();
        Accumulation[] out = new Accumulation[functions.length];
        for (int f = 0; f < functions.length; f++) {
            int source = -1;
            if (functions[f].getSource() instanceof Variable<?> v) {
                source = slotVars.indexOf(v);
                if (source < 0 || !available.contains(source)) {
                    return null;
                }
            }
            if (slotVars.contains(functions[f].getResult())) {
                return null;
            }
            slotVars.add(functions[f].getResult());
            out[f] = new Accumulation(
                    (org.kie.api.runtime.rule.AccumulateFunction<Serializable>) functions[f].createFunctionObject(),
                    source, slotVars.size() - 1);
        }
        return out;
    }

    /**
     * The compiled lambda inside the executable model's {@code Predicate1.Impl} wrapper, called directly: one
     * dispatch per test instead of two (the wrapper only delegates).
     */
    @SuppressWarnings("unchecked")
    private static Predicate1<Object> unwrapped(Predicate1<Object> p) {
        return p instanceof Predicate1.Impl<?> impl && impl.getLambda() instanceof Predicate1<?> inner
                ? (Predicate1<Object>) inner : p;
    }

    @SuppressWarnings("unchecked")
    private static Predicate2<Object, Object> unwrapped(Predicate2<Object, Object> p) {
        return p instanceof Predicate2.Impl<?, ?> impl && impl.getLambda() instanceof Predicate2<?, ?> inner
                ? (Predicate2<Object, Object>) inner : p;
    }

    private static boolean isConstant(boolean[] constantElement, int slot) {
        return slot < constantElement.length && constantElement[slot];
    }

    /** The slots of {@code vars}, or null when one of them is not among {@code available}. */
    private static int[] slotsOf(Variable<?>[] vars, List<Variable<?>> slotVars, List<Integer> available) {
        int[] slots = new int[vars.length];
        for (int a = 0; a < vars.length; a++) {
            slots[a] = slotVars.indexOf(vars[a]);
            if (slots[a] < 0 || !available.contains(slots[a])) {
                return null;
            }
        }
        return slots;
    }

    /** Only the attributes that do not change which matches fire (salience orders firing, findings are a set). */
    private static boolean plainAttributes(Rule rule) {
        return !Boolean.FALSE.equals(rule.getAttribute(Rule.Attribute.ENABLED))
                && !Boolean.TRUE.equals(rule.getAttribute(Rule.Attribute.LOCK_ON_ACTIVE))
                && !Boolean.TRUE.equals(rule.getAttribute(Rule.Attribute.AUTO_FOCUS))
                && isDefault(rule.getAttribute(Rule.Attribute.AGENDA_GROUP), "MAIN")
                && isDefault(rule.getAttribute(Rule.Attribute.ACTIVATION_GROUP), null)
                && isDefault(rule.getAttribute(Rule.Attribute.RULEFLOW_GROUP), null)
                && isDefault(rule.getAttribute(Rule.Attribute.DURATION), null)
                && isDefault(rule.getAttribute(Rule.Attribute.TIMER), null)
                && rule.getAttribute(Rule.Attribute.CALENDARS) == null
                && rule.getAttribute(Rule.Attribute.DATE_EFFECTIVE) == null
                && rule.getAttribute(Rule.Attribute.DATE_EXPIRES) == null;
    }

    private static boolean isDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() || value.equals(defaultValue);
    }

    /**
     * The elements of a condition that is one pattern or an AND of patterns, {@code not} / {@code exists} of one
     * pattern each, accumulates over one pattern and evals (the executable model ends the AND with the rule's
     * consequence); null for anything else.
     */
    private static List<Element> elements(Condition view) {
        if (view == null) {
            return null;
        }
        List<Element> out = new ArrayList<>();
        if (view.getType() == Condition.Type.PATTERN && view instanceof Pattern<?> p) {
            out.add(new Element(p, Kind.MATCH));
            return out;
        }
        if (view.getType() != Condition.Type.AND) {
            return null;
        }
        List<Condition> parts = view.getSubConditions();
        for (int i = 0; i < parts.size(); i++) {
            Condition c = parts.get(i);
            if (c.getType() == Condition.Type.CONSEQUENCE && i == parts.size() - 1) {
                break;
            }
            if (c.getType() == Condition.Type.PATTERN && c instanceof Pattern<?> p) {
                out.add(new Element(p, Kind.MATCH));
            } else if (c.getType() == Condition.Type.ACCUMULATE && c instanceof AccumulatePattern<?> acc
                    && acc.getCondition() instanceof Pattern<?> over
                    && acc.getCondition().getType() == Condition.Type.PATTERN) {
                out.add(new Element(over, Kind.ACCUMULATE, acc, null));
            } else if (c.getType() == Condition.Type.EVAL && c instanceof EvalImpl eval && eval.getExpr() != null) {
                out.add(new Element(null, Kind.EVAL, null, eval.getExpr()));
            } else if ((c.getType() == Condition.Type.NOT || c.getType() == Condition.Type.EXISTS)
                    && !(c instanceof Pattern) && c.getSubConditions().size() == 1
                    && c.getSubConditions().get(0).getType() == Condition.Type.PATTERN
                    && c.getSubConditions().get(0) instanceof Pattern<?> p) {
                out.add(new Element(p, c.getType() == Condition.Type.NOT ? Kind.NOT : Kind.EXISTS));
            } else {
                return null;
            }
        }
        return out;
    }

    /** The single constraints of an AND tree; false when it holds anything else (OR, temporal …). */
    private static boolean flatten(Constraint c, List<SingleConstraint> out) {
        if (c == null) {
            return true;
        }
        switch (c.getType()) {
            case SINGLE -> {
                if (c == SingleConstraint.TRUE) {
                    return true;
                }
                if (!(c instanceof SingleConstraint s) || c == SingleConstraint.FALSE) {
                    return false;
                }
                out.add(s);
                return true;
            }
            case AND, MULTIPLE -> {
                for (Constraint child : c.getChildren()) {
                    if (!flatten(child, out)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    String name() {
        return name;
    }

    /** The fact type of each element, in DRL order; null for a filter or an eval, which match no fact. */
    Class<?>[] patternTypes() {
        return patternTypes;
    }

    /**
     * Whether element {@code i} needs a fact of its type ({@code not} patterns match when there is none, an accumulate
     * has a result over no facts, a filter or an eval has no type).
     */
    boolean requiresFact(int i) {
        return kinds[i] == Kind.MATCH || kinds[i] == Kind.EXISTS;
    }

    /** Per element, the constraints on its own fact, in DRL order (shared between rules by {@link DirectRules}). */
    List<List<Alpha>> alpha() {
        return alpha;
    }

    /**
     * Fires every match. {@code candidates[i]} holds the facts that pass pattern {@code i}'s own constraints;
     * {@code bound} has at least {@link #slots()} slots (whatever they hold is overwritten before it is read). A
     * throwing join constraint or binding propagates (the caller drops the rule's findings and records the failure);
     * a throwing consequence is recorded for its match only and firing goes on, as
     * {@link IsolatingConsequenceHandler} does in a Drools session.
     */
    void fire(FactList[] candidates, Object[] bound, FindingCollector out) throws Exception {
        match(candidates, bound, 0, out);
    }

    /** How many slots {@link #fire} needs: one per element, binding and accumulate result. */
    int slots() {
        return slots;
    }

    private void match(FactList[] candidates, Object[] bound, int depth, FindingCollector out) throws Exception {
        if (depth == kinds.length) {
            execute(bound, out);
            return;
        }
        switch (kinds[depth]) {
            case NOT, EXISTS -> {
                if (exists(candidates[depth], bound, depth) == (kinds[depth] == Kind.EXISTS)) {
                    match(candidates, bound, depth + 1, out);
                }
            }
            case ACCUMULATE -> {
                accumulate(candidates[depth], bound, depth);
                match(candidates, bound, depth + 1, out);
            }
            case FILTER, EVAL -> {
                if (passes(joins[depth], bound)) {
                    match(candidates, bound, depth + 1, out);
                }
            }
            case MATCH -> {
                FactList facts = candidates[depth];
                Join[] tests = joins[depth];
                Bind[] bindings = binds[depth];
                for (int f = 0, n = facts.size(); f < n; f++) {
                    bound[depth] = facts.get(f);
                    if (passes(tests, bound)) {
                        bind(bindings, bound);
                        match(candidates, bound, depth + 1, out);
                    }
                }
                bound[depth] = null;
            }
        }
    }

    private static void bind(Bind[] bindings, Object[] bound) {
        for (Bind b : bindings) {
            bound[b.slot()] = b.function() != null ? b.function().apply(bound[b.inputs()[0]])
                    : b.binding().eval(values(bound, b.inputs()));
        }
    }

    /**
     * Runs the accumulate at {@code depth} over {@code facts} (those passing its pattern's own constraints) for what
     * is bound now, and binds its results: each function gets a fresh context, then every fact that passes the join
     * constraints (its bindings computed) — latest fact first, the order in which a Drools session accumulates facts
     * that were all inserted before firing (what the engine does), so that order-sensitive results such as
     * {@code collectList} and the finding ids made from them are the same on both paths ({@code
     * DirectRulesShapesTest}).
     */
    private void accumulate(FactList facts, Object[] bound, int depth) throws Exception {
        Accumulation[] functions = accumulations[depth];
        Serializable[] contexts = new Serializable[functions.length];
        for (int a = 0; a < functions.length; a++) {
            var f = functions[a].function();
            contexts[a] = f.initContext(f.createContext());
        }
        Join[] tests = joins[depth];
        Bind[] bindings = binds[depth];
        for (int i = facts.size() - 1; i >= 0; i--) {
            Object fact = facts.get(i);
            bound[depth] = fact;
            if (passes(tests, bound)) {
                bind(bindings, bound);
                for (int a = 0; a < functions.length; a++) {
                    Accumulation acc = functions[a];
                    acc.function().accumulateValue(contexts[a], acc.source() < 0 ? fact : bound[acc.source()]);
                }
            }
        }
        bound[depth] = null;
        for (Bind b : bindings) {
            bound[b.slot()] = null;
        }
        for (int a = 0; a < functions.length; a++) {
            bound[functions[a].result()] = functions[a].function().getResult(contexts[a]);
        }
    }

    /** Whether some fact of the existential pattern at {@code depth} passes its join constraints. */
    private boolean exists(FactList facts, Object[] bound, int depth) throws Exception {
        Join[] tests = joins[depth];
        try {
            for (int f = 0, n = facts.size(); f < n; f++) {
                bound[depth] = facts.get(f);
                if (passes(tests, bound)) {
                    return true;
                }
            }
            return false;
        } finally {
            bound[depth] = null;
        }
    }

    private static Object[] values(Object[] bound, int[] slots) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = bound[slots[i]];
        }
        return values;
    }

    private static boolean passes(Join[] tests, Object[] bound) throws Exception {
        for (Join t : tests) {
            if (!t.test(bound)) {
                return false;
            }
        }
        return true;
    }

    private void execute(Object[] bound, FindingCollector out) {
        Object[] args = new Object[consequenceArgs.length];
        for (int a = 0; a < args.length; a++) {
            args[a] = consequenceArgs[a] == COLLECTOR ? out : bound[consequenceArgs[a]];
        }
        out.firing(name);
        try {
            consequence.execute(args);
        } catch (Exception e) {
            out.consequenceFailed(name, e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + patternTypes.length + " patterns)";
    }
}
