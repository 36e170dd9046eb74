package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.drools.model.functions.Predicate1;
import org.junit.jupiter.api.Test;

/** Each alpha node gets a loop class of its own that filters like the plain loop. */
class AlphaLoopsTest {
    @Test
    void copiesAreDistinctClassesThatFilterInOrder() throws Exception {
        assertTrue(AlphaLoops.copies());
        Predicate1<Object> even = o -> ((Integer) o) % 2 == 0;
        Predicate1<Object> big = o -> ((Integer) o) > 5;
        AlphaLoops.Filter a = AlphaLoops.of(even);
        AlphaLoops.Filter b = AlphaLoops.of(big);
        assertNotSame(a.getClass(), b.getClass());
        assertTrue(a.getClass().isHidden(), a.getClass().getName());
        ArrayList<Object> in = new ArrayList<>(List.of(1, 2, 3, 4, 6, 7, 8));
        ArrayList<Object> outA = new ArrayList<>();
        ArrayList<Object> outB = new ArrayList<>();
        a.filter(in, outA);
        b.filter(in, outB);
        assertEquals(List.of(2, 4, 6, 8), outA);
        assertEquals(List.of(6, 7, 8), outB);
        ArrayList<Object> plain = new ArrayList<>();
        new AlphaLoop(even).filter(in, plain);
        assertEquals(outA, plain);
    }
}
