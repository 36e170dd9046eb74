package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.List;
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

/**
 * A compiled rule whose condition is a conjunction of patterns, {@code not} patterns and {@code exists} patterns — no
 * {@code accumulate}, {@code eval}, {@code or}, {@code from}, {@code forall} or timers; bindings ({@code $atc :
 * secondLineAtc}) on positive patterns — and whose consequence only reports through the global {@code out} (it does
 * not use {@code drools}, so it cannot insert, modify or retract facts). For such a rule the matches are exactly the
 * combinations of facts, one per positive pattern, that pass every constraint and for which no fact (for
 * {@code not}) or some fact (for {@code exists}) passes the existential pattern's constraints; each match fires once.
 * {@link DirectRules} finds them with nested loops and runs the executable model's own constraint, binding and
 * consequence lambdas, the code Drools would run. Most of the national pack's rules have this shape (a knowledge-table
 * line check joined to the patient or the encounter; "no first-line drug in this visit or earlier ones").
 *
 * <p>{@link #of} returns null for any other shape; such rules stay in the Drools network.
 */
final class DirectRule {
    /** A constraint on its pattern's own fact; {@code key} is equal for the same expression on the same type. */
    record Alpha(Predicate1<Object> test, String key) {}

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

    /** How a condition element matches: a positive pattern binds a fact; {@code not} / {@code exists} bind nothing. */
    private enum Kind { MATCH, NOT, EXISTS }

    /** A binding of a positive pattern: its value, computed from slots {@code inputs}, goes to slot {@code slot}. */
    private record Bind(Binding binding, int slot, int[] inputs) {}

    /** The consequence argument that stands for the global {@code out}. */
    private static final int COLLECTOR = -1;

    private final String name;
    private final Class<?>[] patternTypes;
    private final Kind[] kinds;
    private final List<List<Alpha>> alpha;
    private final Join[][] joins;
    private final Bind[][] binds;
    private final int slots;
    private final BlockN consequence;
    private final int[] consequenceArgs;

    private DirectRule(String name, Class<?>[] patternTypes, Kind[] kinds, List<List<Alpha>> alpha, Join[][] joins,
                       Bind[][] binds, int slots, BlockN consequence, int[] consequenceArgs) {
        this.name = name;
        this.patternTypes = patternTypes;
        this.kinds = kinds;
        this.alpha = alpha;
        this.joins = joins;
        this.binds = binds;
        this.slots = slots;
        this.consequence = consequence;
        this.consequenceArgs = consequenceArgs;
    }

    /** A condition element: a pattern and how it matches. */
    private record Element(Pattern<?> pattern, Kind kind) {}

    /**
     * The rule as a direct rule, or null when its shape needs the Drools network. Slots: element {@code i}'s fact is
     * slot {@code i}; binding variables follow.
     */
    @SuppressWarnings("unchecked")
    static DirectRule of(Rule rule) {
        if (!plainAttributes(rule) || rule.getConsequences().size() != 1) {
            return null;
        }
        List<Element> elements = elements(rule.getView());
        Consequence then = rule.getDefaultConsequence();
        if (elements == null || elements.isEmpty() || elements.get(0).kind() != Kind.MATCH || then == null
                || then.isUsingDrools() || then.isBreaking() || then.getBlock() == null) {
            return null;
        }
        int n = elements.size();
        List<Variable<?>> slotVars = new ArrayList<>();
        Class<?>[] types = new Class<?>[n];
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            Pattern<?> p = elements.get(i).pattern();
            if (!(p.getPatternVariable() instanceof Declaration<?> d) || d.getSource() != null || d.getWindow() != null
                    || p.isPassive() || (elements.get(i).kind() != Kind.MATCH && !p.getBindings().isEmpty())) {
                return null;
            }
            slotVars.add(d);
            types[i] = d.getType();
            kinds[i] = elements.get(i).kind();
        }
        // What a constraint or binding of element i may read: its own fact, and the facts and bindings of the
        // positive patterns before it.
        List<Integer> available = new ArrayList<>();
        List<List<Alpha>> alpha = new ArrayList<>();
        Join[][] joins = new Join[n][];
        Bind[][] binds = new Bind[n][];
        for (int i = 0; i < n; i++) {
            Pattern<?> p = elements.get(i).pattern();
            List<SingleConstraint> singles = new ArrayList<>();
            if (!flatten(p.getConstraint(), singles)) {
                return null;
            }
            available.add(i);
            List<Alpha> own = new ArrayList<>();
            List<Join> join = new ArrayList<>();
            for (SingleConstraint s : singles) {
                Variable<?>[] vars = s.getVariables();
                if (s.isTemporal() || vars == null || vars.length == 0) {
                    return null;
                }
                int[] args = slotsOf(vars, slotVars, available);
                if (args == null) {
                    return null; // a global, or a variable not bound before this pattern
                }
                if (vars.length == 1 && args[0] == i) {
                    Predicate1<Object> test = (Predicate1<Object>) s.getPredicate1();
                    // The executable model names an expression by its text: the same id on the same type is the same
                    // test (the lambda class is part of the key so that two different lambdas are never merged).
                    own.add(new Alpha(test, types[i].getName() + "|" + s.getExprId() + "|" + test.getClass().getName()));
                } else {
                    join.add(switch (vars.length) {
                        case 1 -> new Join((Predicate1<Object>) s.getPredicate1(), null, null, args);
                        case 2 -> new Join(null, (Predicate2<Object, Object>) s.getPredicate2(), null, args);
                        default -> new Join(null, null, s.getPredicate(), args);
                    });
                }
            }
            List<Bind> bind = new ArrayList<>();
            for (Binding b : p.getBindings()) {
                Variable<?>[] inputs = b.getInputVariables();
                int[] in = inputs == null ? null : slotsOf(inputs, slotVars, available);
                if (in == null || b.getBoundVariable() == null || slotVars.contains(b.getBoundVariable())) {
                    return null;
                }
                slotVars.add(b.getBoundVariable());
                bind.add(new Bind(b, slotVars.size() - 1, in));
            }
            alpha.add(List.copyOf(own));
            joins[i] = join.toArray(new Join[0]);
            binds[i] = bind.toArray(new Bind[0]);
            if (kinds[i] == Kind.MATCH) {
                for (Bind b : binds[i]) {
                    available.add(b.slot());
                }
            } else {
                available.remove(Integer.valueOf(i)); // a not / exists pattern binds nothing for what follows
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
                int slot = slotVars.indexOf(v);
                if (slot < 0 || !available.contains(slot)) {
                    return null;
                }
                consequenceArgs[a] = slot;
            }
        }
        return new DirectRule(rule.getName(), types, kinds, List.copyOf(alpha), joins, binds, slotVars.size(),
                then.getBlock(), consequenceArgs);
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
     * The elements of a condition that is one pattern or an AND of patterns and {@code not} / {@code exists} of one
     * pattern each (the executable model ends the AND with the rule's consequence); null for anything else.
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

    /** The fact type of each pattern, in DRL order. */
    Class<?>[] patternTypes() {
        return patternTypes;
    }

    /** Whether pattern {@code i} must match a fact ({@code not} patterns match when there is none). */
    boolean requiresFact(int i) {
        return kinds[i] != Kind.NOT;
    }

    /** Per pattern, the constraints on its own fact, in DRL order (shared between rules by {@link DirectRules}). */
    List<List<Alpha>> alpha() {
        return alpha;
    }

    /**
     * Fires every match. {@code candidates[i]} holds the facts that pass pattern {@code i}'s own constraints. A
     * throwing join constraint or binding propagates (the caller drops the rule's findings and records the failure);
     * a throwing consequence is recorded for its match only and firing goes on, as
     * {@link IsolatingConsequenceHandler} does in a Drools session.
     */
    void fire(List<Object>[] candidates, FindingCollector out) throws Exception {
        match(candidates, new Object[slots], 0, out);
    }

    private void match(List<Object>[] candidates, Object[] bound, int depth, FindingCollector out) throws Exception {
        if (depth == kinds.length) {
            execute(bound, out);
            return;
        }
        if (kinds[depth] != Kind.MATCH) {
            if (exists(candidates[depth], bound, depth) == (kinds[depth] == Kind.EXISTS)) {
                match(candidates, bound, depth + 1, out);
            }
            return;
        }
        List<Object> facts = candidates[depth];
        Join[] tests = joins[depth];
        Bind[] bindings = binds[depth];
        for (int f = 0, n = facts.size(); f < n; f++) {
            bound[depth] = facts.get(f);
            if (passes(tests, bound)) {
                for (Bind b : bindings) {
                    bound[b.slot()] = b.binding().eval(values(bound, b.inputs()));
                }
                match(candidates, bound, depth + 1, out);
            }
        }
        bound[depth] = null;
    }

    /** Whether some fact of the existential pattern at {@code depth} passes its join constraints. */
    private boolean exists(List<Object> facts, Object[] bound, int depth) throws Exception {
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
