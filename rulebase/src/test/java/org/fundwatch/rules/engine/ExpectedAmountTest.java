package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The long-arithmetic paths of a price in millionths and of quantity × unit price give exactly the BigDecimal
 * results, half up.
 */
class ExpectedAmountTest {
    @Test
    void sameAsBigDecimal() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            BigDecimal unit = BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(9));
            BigDecimal quantity = random.nextInt(4) == 0
                    ? BigDecimal.valueOf(random.nextInt(2_000) - 1_000, random.nextInt(3))
                    : BigDecimal.valueOf(random.nextInt(100) - 10);
            assertSame(unit, quantity);
        }
        assertSame(new BigDecimal("0.005"), BigDecimal.ONE); // 0.5 fen: up
        assertSame(new BigDecimal("-0.005"), BigDecimal.ONE); // away from zero
        assertSame(new BigDecimal("12.345678"), new BigDecimal("3"));
        assertSame(new BigDecimal("9999999.999999"), new BigDecimal("999999999999")); // overflows a long: BigDecimal path
        assertEquals(-1, FactBuilder.expectedFen(null, BigDecimal.ONE, -1));
        assertEquals(-1, FactBuilder.expectedFen(BigDecimal.ONE, null, 1_000_000));
    }

    @Test
    void microsSameAsBigDecimal() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            BigDecimal yuan = BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(10) - 1);
            long expected = yuan.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertEquals(expected, KnowledgeIndex.micros(yuan), yuan.toPlainString());
        }
        assertEquals(-1, KnowledgeIndex.micros(null));
        assertEquals(12_345_679, KnowledgeIndex.micros(new BigDecimal("12.3456785"))); // 7 decimals: rounded
    }

    private static void assertSame(BigDecimal unit, BigDecimal quantity) {
        long expected = unit.multiply(quantity).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValue();
        long micros = KnowledgeIndex.micros(unit);
        assertEquals(expected, FactBuilder.expectedFen(unit, quantity, micros), unit + " × " + quantity);
    }
}
