package org.fundwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void moneyIsExactFen() {
        assertEquals(115_300, Money.ofYuan("1153.00").fen());
        assertEquals(10, Money.ofYuan(new BigDecimal("0.1")).fen());
        assertEquals(13, Money.ofYuan(new BigDecimal("0.125")).fen(), "half-up to the fen");
        assertEquals(-30, Money.ofYuan("-0.30").fen());
        assertEquals(new BigDecimal("1153.10"), Money.ofYuan("1153.00").plus(Money.ofFen(10)).toYuan());
        assertEquals(Money.ofFen(30), Money.ofYuan("0.10").times(new BigDecimal("3")));
        assertEquals("0.05", Money.ofFen(5).toString());
        assertEquals(null, Money.ofYuan((BigDecimal) null));
        assertTrue(Money.ofFen(-1).isNegative());
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)));
    }

    @Test
    void careSettingFromMedType() {
        assertEquals(CareSetting.OUTPATIENT, CareSetting.ofMedType("11"));
        assertEquals(CareSetting.OUTPATIENT, CareSetting.ofMedType("140104"));
        assertEquals(CareSetting.EMERGENCY, CareSetting.ofMedType("13"));
        assertEquals(CareSetting.INPATIENT, CareSetting.ofMedType("21"));
        assertEquals(CareSetting.INPATIENT, CareSetting.ofMedType("28"));
        assertEquals(CareSetting.INPATIENT, CareSetting.ofMedType("52"));
        assertEquals(CareSetting.OUTPATIENT, CareSetting.ofMedType("51"));
        assertEquals(CareSetting.PHARMACY, CareSetting.ofMedType("41"));
        assertEquals(CareSetting.OTHER, CareSetting.ofMedType("9901"));
        assertEquals(CareSetting.OTHER, CareSetting.ofMedType(null));
    }

    @Test
    void dictionaries() {
        assertEquals(Gender.FEMALE, Gender.ofCode("2"));
        assertEquals(Gender.UNKNOWN, Gender.ofCode(""));
        assertThrows(IllegalArgumentException.class, () -> Gender.ofCode("M"));
        assertEquals(ListType.CONSUMABLE, ListType.ofCode("301"));
        assertEquals(ListType.OTHER, ListType.ofCode("501"));
        assertTrue(ListType.TCM_PIECE.isMedicine());
        assertEquals(java.util.EnumSet.of(ListType.DRUG, ListType.TCM_PIECE, ListType.IN_HOUSE_PREPARATION,
                ListType.ETHNIC_MEDICINE, ListType.TCM_GRANULE), java.util.Arrays.stream(ListType.values())
                .filter(ListType::isMedicine).collect(java.util.stream.Collectors.toCollection(
                        () -> java.util.EnumSet.noneOf(ListType.class))));
        assertEquals(ListType.DRUG, ListType.ofItemCode("ZA04CAE0023010100166"));
        assertEquals(ListType.OTHER, ListType.ofItemCode("XY1346"));
        assertEquals(Phase.PRE, Phase.ofTriggerScenario("4", Phase.MID));
        assertEquals(Phase.MID, Phase.ofTriggerScenario("10", Phase.PRE));
        assertEquals(Phase.MID, Phase.ofTriggerScenario(null, Phase.MID));
        assertThrows(IllegalArgumentException.class, () -> Phase.ofTriggerScenario("11", Phase.PRE));
    }

    @Test
    void patientAge() {
        Patient p = new Patient("P1", "王某", Gender.MALE, LocalDate.of(2025, 1, 1), "390", "430796");
        assertEquals(27, p.ageInDays(LocalDate.of(2025, 1, 28)));
        assertEquals(0, p.ageInYears(LocalDate.of(2025, 12, 31)));
    }
}
