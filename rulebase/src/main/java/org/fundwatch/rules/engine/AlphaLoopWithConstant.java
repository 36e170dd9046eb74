package org.fundwatch.rules.engine;

import org.drools.model.functions.Predicate2;

/**
 * The loop of an alpha node whose constraint also reads the engine's constant fact (the rule parameters), copied per
 * node like {@link AlphaLoop}. Keep it self-contained: its bytes are copied as they are.
 */
final class AlphaLoopWithConstant extends AlphaLoops.Filter {
    private final Predicate2<Object, Object> test;
    private final Object constant;
    private final boolean constantFirst;

    AlphaLoopWithConstant(Predicate2<Object, Object> test, Object constant, boolean constantFirst) {
        this.test = test;
        this.constant = constant;
        this.constantFirst = constantFirst;
    }

    @Override
    void filter(FactList in, FactList out) throws Exception {
        for (int i = 0, n = in.size(); i < n; i++) {
            Object fact = in.get(i);
            if (constantFirst ? test.test(constant, fact) : test.test(fact, constant)) {
                out.add(fact);
            }
        }
    }
}
