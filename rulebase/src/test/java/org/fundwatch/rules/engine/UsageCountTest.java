package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundwatch.model.ListType;
import org.fundwatch.rules.engine.fact.CodeKnowledge;
import org.fundwatch.rules.engine.fact.LineFact;
import org.junit.jupiter.api.Test;

/**
 * A usage window's count — the lines' total quantity rounded up, a line without one counting 1 — is the exact
 * BigDecimal sum whether it takes the whole-number path or not, and each line's ATC subgroup is the same whether it
 * comes from the knowledge index or from the code.
 */
class UsageCountTest {
    @Test
    void countIsTheExactSumRoundedUp() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            List<LineFact> lines = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                BigDecimal q = switch (random.nextInt(6)) {
                    case 0 -> null;
                    case 1 -> BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 1 + random.nextInt(3));
                    case 2 -> BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L); // 18 digits: exact path
                    default -> BigDecimal.valueOf(random.nextInt(60) - 10);
                };
                lines.add(line("XA01", q, CodeKnowledge.NONE));
            }
            assertEquals(reference(lines), FactBuilder.count(lines), lines.toString());
        }
        assertEquals(3, FactBuilder.count(List.of(line("XA01", new BigDecimal("2.1"), CodeKnowledge.NONE))));
        assertEquals(2, FactBuilder.count(List.of(line("XA01", null, CodeKnowledge.NONE),
                line("XA01", BigDecimal.ONE, CodeKnowledge.NONE))));
        List<LineFact> many = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) { // more lines than the whole-number path takes
            many.add(line("XA01", BigDecimal.valueOf(999_999_999_999_999L), CodeKnowledge.NONE));
        }
        assertEquals(reference(many), FactBuilder.count(many));
    }

    @Test
    void atcSubgroupFromTheIndexIsTheCodes() {
        KnowledgeIndex index = KnowledgeIndex.of(TestKb.kb());
        int drugs = 0;
        for (String code : index.codes()) {
            String fromIndex = line(code, null, index.of(code)).getAtcSubgroup();
            assertEquals(LineFact.atcSubgroup(code), fromIndex, code);
            drugs += fromIndex == null ? 0 : 1;
        }
        assertEquals("Q99", line("XQ99ZZZ", null, CodeKnowledge.NONE).getAtcSubgroup()); // not indexed: from the code
        assertTrue(drugs > 1_000, "drug codes with a subgroup: " + drugs);
    }

    private static long reference(List<LineFact> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (LineFact l : lines) {
            total = total.add(l.getQuantity() == null ? BigDecimal.ONE : l.getQuantity());
        }
        return total.setScale(0, RoundingMode.CEILING).longValue();
    }

    private static LineFact line(String code, BigDecimal quantity, CodeKnowledge k) {
        return new LineFact(0, "L1", code, "名称", ListType.DRUG, null, true, null, -1, quantity, -1, 0, -1, null, -1, -1,
                k);
    }
}
