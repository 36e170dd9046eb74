package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.List;
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
 * A compiled rule whose condition is a plain conjunction of patterns — no {@code not}, {@code exists},
 * {@code accumulate}, {@code eval}, {@code or}, {@code from}, bindings or timers — and whose consequence only reports
 * through the global {@code out} (it does not use {@code drools}, so it cannot insert, modify or retract facts). For
 * such a rule the matches are exactly the combinations of facts, one per pattern, that pass every constraint, and each
 * match fires once: {@link DirectRules} finds them with nested loops and runs the executable model's own constraint
 * and consequence lambdas, the code Drools would run. Most of the national pack's rules have this shape (a
 * knowledge-table line check joined to the patient or the encounter).
 *
 * <p>{@link #of} returns null for any other shape; such rules stay in the Drools network.
 */
final class DirectRule {
    /** A constraint on its pattern's own fact; {@code key} is equal for the same expression on the same type. */
    record Alpha(Predicate1<Object> test, String key) {}

    /** A constraint that also reads earlier patterns, evaluated once its last variable is bound. */
    private record Join(Predicate1<Object> p1, Predicate2<Object, Object> p2, PredicateN pn, int[] args) {
        boolean test(Object[] bound) throws Exception {
            if (p1 != null) {
                return p1.test(bound[args[0]]);
            }
            if (p2 != null) {
                return p2.test(bound[args[0]], bound[args[1]]);
            }
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = bound[args[i]];
            }
            return pn.test(values);
        }
    }

    /** The consequence argument that stands for the global {@code out}. */
    private static final int COLLECTOR = -1;

    private final String name;
    private final Class<?>[] patternTypes;
    private final List<List<Alpha>> alpha;
    private final Join[][] joins;
    private final BlockN consequence;
    private final int[] consequenceArgs;

    private DirectRule(String name, Class<?>[] patternTypes, List<List<Alpha>> alpha, Join[][] joins, BlockN consequence,
                       int[] consequenceArgs) {
        this.name = name;
        this.patternTypes = patternTypes;
        this.alpha = alpha;
        this.joins = joins;
        this.consequence = consequence;
        this.consequenceArgs = consequenceArgs;
    }

    /** The rule as a direct rule, or null when its shape needs the Drools network. */
    @SuppressWarnings("unchecked")
    static DirectRule of(Rule rule) {
        if (!plainAttributes(rule) || rule.getConsequences().size() != 1) {
            return null;
        }
        List<Pattern<?>> patterns = patterns(rule.getView());
        Consequence then = rule.getDefaultConsequence();
        if (patterns == null || patterns.isEmpty() || then == null || then.isUsingDrools() || then.isBreaking()
                || then.getBlock() == null) {
            return null;
        }
        List<Variable<?>> bound = new ArrayList<>(patterns.size());
        Class<?>[] types = new Class<?>[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            Pattern<?> p = patterns.get(i);
            if (!(p.getPatternVariable() instanceof Declaration<?> d) || d.getSource() != null || d.getWindow() != null
                    || !p.getBindings().isEmpty() || p.isPassive()) {
                return null;
            }
            bound.add(d);
            types[i] = d.getType();
        }
        List<List<Alpha>> alpha = new ArrayList<>();
        List<List<Join>> joins = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            alpha.add(new ArrayList<>());
            joins.add(new ArrayList<>());
        }
        for (int i = 0; i < patterns.size(); i++) {
            List<SingleConstraint> singles = new ArrayList<>();
            if (!flatten(patterns.get(i).getConstraint(), singles)) {
                return null;
            }
            for (SingleConstraint s : singles) {
                Variable<?>[] vars = s.getVariables();
                if (s.isTemporal() || vars == null || vars.length == 0) {
                    return null;
                }
                int[] args = new int[vars.length];
                int last = 0;
                boolean own = true;
                for (int a = 0; a < vars.length; a++) {
                    args[a] = bound.indexOf(vars[a]);
                    if (args[a] < 0) {
                        return null; // a global or a variable bound elsewhere
                    }
                    last = Math.max(last, args[a]);
                    own &= args[a] == i;
                }
                if (last > i) {
                    return null; // reads a pattern declared later: not how DRL joins
                }
                if (own && vars.length == 1) {
                    Predicate1<Object> test = (Predicate1<Object>) s.getPredicate1();
                    // The executable model names an expression by its text: the same id on the same type is the same
                    // test (the lambda class is part of the key so that two different lambdas are never merged).
                    alpha.get(i).add(new Alpha(test, types[i].getName() + "|" + s.getExprId() + "|" + test.getClass().getName()));
                } else {
                    // e.g. LineFact( $e.insuranceType != "410" ): reads only an earlier pattern
                    joins.get(last).add(switch (vars.length) {
                        case 1 -> new Join((Predicate1<Object>) s.getPredicate1(), null, null, args);
                        case 2 -> new Join(null, (Predicate2<Object, Object>) s.getPredicate2(), null, args);
                        default -> new Join(null, null, s.getPredicate(), args);
                    });
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
                consequenceArgs[a] = bound.indexOf(v);
                if (consequenceArgs[a] < 0) {
                    return null;
                }
            }
        }
        Join[][] joinArrays = new Join[joins.size()][];
        for (int i = 0; i < joinArrays.length; i++) {
            joinArrays[i] = joins.get(i).toArray(new Join[0]);
        }
        return new DirectRule(rule.getName(), types, List.copyOf(alpha), joinArrays, then.getBlock(), consequenceArgs);
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
     * The patterns of a condition that is one pattern or an AND of patterns (the executable model ends the AND with
     * the rule's consequence); null for anything else.
     */
    private static List<Pattern<?>> patterns(Condition view) {
        if (view == null) {
            return null;
        }
        List<Pattern<?>> out = new ArrayList<>();
        if (view.getType() == Condition.Type.PATTERN && view instanceof Pattern<?> p) {
            out.add(p);
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
            if (c.getType() != Condition.Type.PATTERN || !(c instanceof Pattern<?> p)) {
                return null;
            }
            out.add(p);
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

    /** Per pattern, the constraints on its own fact, in DRL order (shared between rules by {@link DirectRules}). */
    List<List<Alpha>> alpha() {
        return alpha;
    }

    /**
     * Fires every match. {@code candidates[i]} holds the facts that pass pattern {@code i}'s own constraints. A
     * throwing join constraint propagates (the caller drops the rule's findings and records the failure); a throwing
     * consequence is recorded for its match only and firing goes on, as {@link IsolatingConsequenceHandler} does in a
     * Drools session.
     */
    void fire(List<Object>[] candidates, FindingCollector out) throws Exception {
        match(candidates, new Object[patternTypes.length], 0, out);
    }

    private void match(List<Object>[] candidates, Object[] bound, int depth, FindingCollector out) throws Exception {
        List<Object> facts = candidates[depth];
        Join[] tests = joins[depth];
        for (int f = 0, n = facts.size(); f < n; f++) {
            bound[depth] = facts.get(f);
            if (passes(tests, bound)) {
                if (depth + 1 < patternTypes.length) {
                    match(candidates, bound, depth + 1, out);
                } else {
                    execute(bound, out);
                }
            }
        }
        bound[depth] = null;
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
