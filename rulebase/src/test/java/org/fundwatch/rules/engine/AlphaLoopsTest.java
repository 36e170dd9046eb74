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
        FactList in = new FactList(2); // grows
        List.of(1, 2, 3, 4, 6, 7, 8).forEach(in::add);
        FactList outA = new FactList(4);
        FactList outB = new FactList(4);
        a.filter(in, outA);
        b.filter(in, outB);
        assertEquals(List.of(2, 4, 6, 8), items(outA));
        assertEquals(List.of(6, 7, 8), items(outB));
        FactList plain = new FactList(4);
        new AlphaLoop(even).filter(in, plain);
        assertEquals(items(outA), items(plain));
        plain.clear();
        assertTrue(plain.isEmpty());
    }

    private static List<Object> items(FactList facts) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            out.add(facts.get(i));
        }
        return out;
    }
}
