package org.fundwatch.rules.engine;

import java.util.Arrays;

/**
 * The facts of one type or alpha node in one evaluation: a plain growable array, reused between evaluations. Not a
 * {@link java.util.List}: the rule loops read it through one final class (no interface dispatch, no index checks
 * beyond the array's own).
 */
final class FactList {
    private Object[] items;
    private int size;

    FactList(int capacity) {
        items = new Object[Math.max(4, capacity)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Object get(int i) {
        return items[i];
    }

    /** Appends {@code fact}. Kept under the JIT's 35-byte limit for inlining at call sites it does not see as hot. */
    void add(Object fact) {
        if (size == items.length) {
            grow();
        }
        items[size++] = fact;
    }

    private void grow() {
        items = Arrays.copyOf(items, size * 2);
    }

    /**
     * Empties the list. Its references are left to be overwritten by the next evaluation of the thread that owns it:
     * nulling them was 3 % of an evaluation's CPU (each null store goes through the collector's barrier), and what stays
     * reachable is bounded by the facts of one evaluation per thread (the thread's last, until its next).
     */
    void clear() {
        size = 0;
    }
}
