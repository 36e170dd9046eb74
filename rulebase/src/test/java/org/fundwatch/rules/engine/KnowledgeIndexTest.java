package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.fundwatch.rules.engine.fact.CodeKnowledge;
import org.junit.jupiter.api.Test;

/** The open-addressing code table finds every code of the knowledge pack, and nothing else. */
class KnowledgeIndexTest {
    @Test
    void findsEveryCodeAndOnlyThose() {
        KnowledgeIndex index = KnowledgeIndex.of(TestKb.kb());
        Set<String> codes = index.codes();
        assertTrue(codes.size() > 10_000, "codes: " + codes.size());
        for (String code : codes) {
            CodeKnowledge k = index.of(new String(code.toCharArray())); // an equal string, not the same instance
            assertNotSame(CodeKnowledge.NONE, k, code);
            assertSame(k, index.of(code));
        }
        Random random = new Random(3);
        for (String code : codes) {
            if (random.nextInt(20) != 0) {
                continue;
            }
            // one character changed, one removed, one added: unknown codes
            char[] c = code.toCharArray();
            c[random.nextInt(c.length)] ^= 1;
            String changed = new String(c);
            if (!codes.contains(changed)) {
                assertSame(CodeKnowledge.NONE, index.of(changed), changed);
            }
            assertSame(codes.contains(code.substring(1)) ? index.of(code.substring(1)) : CodeKnowledge.NONE,
                    index.of(code.substring(1)));
            assertSame(CodeKnowledge.NONE, index.of(code + "Z"));
        }
        assertSame(CodeKnowledge.NONE, index.of((String) null));
        assertSame(CodeKnowledge.NONE, index.of(""));
        assertSame(CodeKnowledge.NONE, index.of("药品"));
        assertEquals(codes.size(), index.size());
    }
}
