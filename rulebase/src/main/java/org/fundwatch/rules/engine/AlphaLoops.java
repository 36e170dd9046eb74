package org.fundwatch.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.Predicate2;

/**
 * Alpha-node loops with a call site of their own each. One shared loop calls dozens of different lambda classes (one
 * per constraint of the pack) from one call site: a megamorphic interface call per fact and constraint — an itable
 * stub and a mispredicted indirect branch each time, ~500 per 20-line evaluation, which profiling showed as the
 * largest single cost of the direct rules. {@link #of} defines a copy of {@link AlphaLoop} as a hidden class per
 * node, so each copy's call is monomorphic and the JIT inlines the constraint (the same code, call-site splitting
 * without generating any). Copies are unloaded with the engine that made them.
 */
final class AlphaLoops {
    /**
     * The facts of {@code in} that pass a constraint, appended to {@code out} in order. An abstract class, not an
     * interface: the call from the node loop to its copy is a virtual call, cheaper than an interface call.
     */
    abstract static class Filter {
        abstract void filter(FactList in, FactList out) throws Exception;
    }

    private static final byte[] TEMPLATE = template(AlphaLoop.class);
    private static final byte[] CONSTANT_TEMPLATE = template(AlphaLoopWithConstant.class);

    private AlphaLoops() {
    }

    /** A loop over {@code test} in a class of its own; a plain {@link AlphaLoop} when no copy can be defined. */
    static Filter of(Predicate1<Object> test) {
        if (TEMPLATE != null) {
            try {
                MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
                MethodHandle constructor = copy.findConstructor(copy.lookupClass(),
                        MethodType.methodType(void.class, Predicate1.class));
                return (Filter) constructor.invoke(test);
            } catch (Throwable cannotCopy) {
                // same results, only slower
            }
        }
        return new AlphaLoop(test);
    }

    /**
     * A loop over {@code test} applied to {@code constant} and each fact ({@code constantFirst}: as its first
     * argument), in a class of its own.
     */
    static Filter withConstant(Predicate2<Object, Object> test, Object constant, boolean constantFirst) {
        if (CONSTANT_TEMPLATE != null) {
            try {
                MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(CONSTANT_TEMPLATE, true);
                MethodHandle constructor = copy.findConstructor(copy.lookupClass(),
                        MethodType.methodType(void.class, Predicate2.class, Object.class, boolean.class));
                return (Filter) constructor.invoke(test, constant, constantFirst);
            } catch (Throwable cannotCopy) {
                // same results, only slower
            }
        }
        return new AlphaLoopWithConstant(test, constant, constantFirst);
    }

    /** Whether {@link #of} makes copies (false when the class bytes cannot be read). */
    static boolean copies() {
        return TEMPLATE != null && CONSTANT_TEMPLATE != null;
    }

    private static byte[] template(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
