package org.fundwatch.stream.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts per second add up whole messages, one at a time, and across subtasks. */
class CountsBySecondTest {
    @Test
    void addsMessagesSinglesAndOtherSubtasks() {
        CountsBySecond a = new CountsBySecond();
        a.add(10, 3);
        a.add(10, 2);
        a.add(11);
        a.add(12, 0); // a message without fee lines leaves no second behind
        CountsBySecond b = new CountsBySecond();
        b.add(11, 4);
        b.add(13, 1);
        CountsBySecond copy = a.clone();
        a.merge(b);
        assertEquals(Map.of(10, 5, 11, 5, 13, 1), a.getLocalValue());
        assertEquals(Map.of(10, 5, 11, 1), copy.getLocalValue());
        a.resetLocal();
        assertEquals(Map.of(), a.getLocalValue());
    }
}
