package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.model.AccumulatePattern;
import org.drools.model.Condition;
import org.drools.model.Constraint;
import org.drools.model.Declaration;
import org.drools.model.Pattern;
import org.drools.model.Rule;
import org.drools.model.SingleConstraint;
import org.drools.model.Variable;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.accumulate.AccumulateFunction;

/**
 * What one compiled rule needs from working memory, read from its executable-model condition tree (no DRL parsing,
 * no per-rule configuration): the patterns it <em>requires</em> (top-level positive patterns over fact classes: the
 * rule cannot match unless some fact of that class passes the pattern's alpha constraints) and every pattern it
 * <em>reads</em> (also inside {@code not}, {@code exists}, {@code or}, {@code accumulate}: a fact that passes the alpha
 * constraints of none of them can never reach the rule).
 *
 * <p>Only constraints that read nothing but the pattern's own fact (alpha constraints) are used; constraints joining
 * other patterns, parameters or globals are ignored, which only makes the analysis weaker, never wrong. A condition
 * the analysis does not understand ({@code from}, queries, windows, group-by …) makes the rule <em>opaque</em>: it is
 * always selected and sees every fact, exactly as without the analysis.
 */
final class RuleShape {
    /** Facts of these packages are what the engine inserts; a required pattern over another type is not used. */
    private static final String FACT_PACKAGE = "org.fundwatch.rules.engine.fact.";

    /**
     * Fact classes with one fact per fee line. Their patterns are not used as requirements: testing them in Java costs
     * as much as Drools' own alpha network (20 lines × every line rule), and their outcome depends on which restricted
     * codes an encounter holds, so selections would multiply (one KieBase per combination of codes, measured: 323
     * distinct selections in 512 generated encounters, slower than no selection). Encounter-level facts give few
     * distinct selections (inpatient or not, internet, history present, usage windows, code checks …).
     */
    private static final Set<String> PER_LINE = Set.of("LineFact", "HistoryLineFact");

    private final String name;
    private final List<PatternFilter> required = new ArrayList<>();
    private final List<PatternFilter> reads = new ArrayList<>();
    private final Set<Variable<?>> computed = new HashSet<>();
    private boolean opaque;

    private RuleShape(String name) {
        this.name = name;
    }

    static RuleShape of(Rule rule) {
        RuleShape shape = new RuleShape(rule.getName());
        Condition root = rule.getView();
        if (root == null) {
            shape.opaque = true;
        } else {
            shape.visit(root, true);
        }
        return shape;
    }

    String name() {
        return name;
    }

    /** Whether the analysis gave up: the rule is then always selected and receives every fact. */
    boolean opaque() {
        return opaque;
    }

    /** Patterns of which at least one fact must pass the alpha constraints for the rule to possibly match. */
    List<PatternFilter> required() {
        return required;
    }

    /** Every working-memory pattern of the rule (a superset of {@link #required()}). */
    List<PatternFilter> reads() {
        return reads;
    }

    private void visit(Condition c, boolean positive) {
        if (c instanceof AccumulatePattern<?> acc) {
            if (acc.isQuerySource() || acc.getCondition() == null) {
                opaque = true;
                return;
            }
            // The source facts are read; the accumulate may match with none of them (count() = 0).
            visit(acc.getCondition(), false);
            for (AccumulateFunction f : acc.getAccumulateFunctions()) {
                if (f.getResult() != null) {
                    computed.add(f.getResult());
                }
            }
            if (acc.getPatternVariable() != null) {
                computed.add(acc.getPatternVariable());
            }
            return;
        }
        if (c instanceof Pattern<?> p) {
            Condition.Type t = c.getType();
            if (t != Condition.Type.PATTERN && t != Condition.Type.EXISTS && t != Condition.Type.NOT) {
                opaque = true;
                return;
            }
            pattern(p, positive && t != Condition.Type.NOT);
            return;
        }
        switch (c.getType()) {
            case AND, EXISTS -> c.getSubConditions().forEach(s -> visit(s, positive));
            case OR, NOT, FORALL -> c.getSubConditions().forEach(s -> visit(s, false));
            case EVAL, CONSEQUENCE -> {
                // no facts: an eval only filters what the patterns matched
            }
            default -> opaque = true; // PATTERN/ACCUMULATE of an unknown class, QUERY, GROUP_BY, TEMPORAL …
        }
    }

    private void pattern(Pattern<?> p, boolean positive) {
        Variable<?> v = p.getPatternVariable();
        if (computed.contains(v)) {
            return; // a pattern over an accumulate result, not over working memory
        }
        if (!(v instanceof Declaration<?> d) || d.getSource() != null || d.getWindow() != null) {
            opaque = true; // from / entry point / window
            return;
        }
        List<Predicate1<Object>> alpha = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        collectAlpha(p.getConstraint(), v, alpha, keys);
        PatternFilter filter = new PatternFilter(d.getType(), alpha, keys);
        reads.add(filter);
        if (positive && d.getType().getName().startsWith(FACT_PACKAGE) && !PER_LINE.contains(d.getType().getSimpleName())) {
            required.add(filter);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectAlpha(Constraint c, Variable<?> self, List<Predicate1<Object>> out, List<String> keys) {
        if (c == null) {
            return;
        }
        if (c.getType() == Constraint.Type.AND || c.getType() == Constraint.Type.MULTIPLE) {
            c.getChildren().forEach(child -> collectAlpha(child, self, out, keys));
        } else if (c.getType() == Constraint.Type.SINGLE && c instanceof SingleConstraint s && !s.isTemporal()) {
            Variable<?>[] vars = s.getVariables();
            if (vars != null && vars.length == 1 && vars[0] == self) {
                Predicate1<Object> predicate = s.getPredicate1();
                if (predicate != null) {
                    out.add(predicate);
                    // the executable model names an expression by a hash of its text: the same id is the same test
                    keys.add(s.getExprId() != null ? s.getExprId() : "@" + System.identityHashCode(predicate));
                }
            }
        }
        // OR and anything else: not used (weaker, still correct)
    }

    /**
     * One pattern's fact type and alpha constraints. Equal when type and constraint expression ids are equal, so the
     * engine tests a pattern shared by several rules once per fact.
     */
    static final class PatternFilter {
        private final Class<?> type;
        private final Predicate1<Object>[] alpha;
        private final List<String> keys;

        @SuppressWarnings("unchecked")
        PatternFilter(Class<?> type, List<Predicate1<Object>> alpha, List<String> keys) {
            this.type = type;
            this.alpha = alpha.toArray(new Predicate1[0]);
            this.keys = List.copyOf(keys);
        }

        Class<?> type() {
            return type;
        }

        /** Whether the pattern has no alpha constraint (every fact of its type passes). */
        boolean acceptsAll() {
            return alpha.length == 0;
        }

        /**
         * Whether {@code fact} (an instance of {@link #type()}) passes every alpha constraint. A constraint that
         * throws counts as passed: the fact then goes to Drools, which reports the failing rule as it always did.
         */
        boolean accepts(Object fact) {
            for (Predicate1<Object> p : alpha) {
                try {
                    if (!p.test(fact)) {
                        return false;
                    }
                } catch (Exception | LinkageError e) {
                    return true;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PatternFilter f && f.type == type && f.keys.equals(keys);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + keys.hashCode();
        }

        @Override
        public String toString() {
            return type.getSimpleName() + keys;
        }
    }
}
