package org.fundwatch.rules.engine;

import org.drools.model.functions.Predicate1;

/**
 * The loop of one alpha node: the facts of its parent that pass its constraint. {@link AlphaLoops} gives each node a
 * copy of this class of its own (a hidden class defined from this class's bytes), so the call to the constraint is
 * monomorphic at every copy and the JIT inlines the rule's lambda into the loop.
 *
 * <p>Its bytes are copied as they are: keep it self-contained (no lambdas, nested classes or static state).
 */
final class AlphaLoop extends AlphaLoops.Filter {
    private final Predicate1<Object> test;

    AlphaLoop(Predicate1<Object> test) {
        this.test = test;
    }

    @Override
    void filter(FactList in, FactList out) throws Exception {
        for (int i = 0, n = in.size(); i < n; i++) {
            Object fact = in.get(i);
            if (test.test(fact)) {
                out.add(fact);
            }
        }
    }
}
