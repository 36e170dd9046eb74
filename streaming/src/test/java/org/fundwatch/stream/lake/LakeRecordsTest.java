package org.fundwatch.stream.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Settlement;
import org.junit.jupiter.api.Test;

class LakeRecordsTest {
    private static final LocalDateTime LATE = LocalDateTime.of(2026, 3, 1, 23, 59, 30);

    @Test
    void feeLineRecordCarriesEncounterContextAndPartitionsByFeeDate() {
        FeeLine line = LakeFixtures.line("F1", "XJ01DCC051A001010100483", "2.0000", "11.615000", "23.23", LATE);
        Encounter e = LakeFixtures.encounter("MD1", "P1", List.of(line));
        Settlement s = LakeFixtures.settlement("S1", e, LATE.plusDays(1), "1222.88");
        FeeLineRecord r = FeeLineRecord.of(line, e, s);
        assertEquals("P1", r.personId());
        assertEquals("S1", r.settlementId());
        assertEquals("H11010500123", r.institutionCode());
        assertEquals("110105", r.admdvs());
        assertEquals("101", r.listType());
        assertEquals(new BigDecimal("23.23"), r.amount());
        assertEquals(LocalDate.of(2026, 3, 1), r.partitionDate(), "the fee's own date, not the settlement's");
    }

    @Test
    void feeLineWithoutTimeTakesTheSettlementTimeAndFailsWithoutEither() {
        FeeLine line = LakeFixtures.line("F1", "001201000010000", "1", "5", "5.00", null);
        Encounter e = LakeFixtures.encounter("MD1", "P1", List.of(line));
        Settlement s = LakeFixtures.settlement("S1", e, LATE, "5.00");
        assertEquals(LATE, FeeLineRecord.of(line, e, s).time());
        assertNull(FeeLineRecord.of(LakeFixtures.line("F2", "001201000010000", "1", "5", "5.00", LATE), e, null)
                .settlementId());
        assertThrows(IllegalArgumentException.class, () -> FeeLineRecord.of(line, e, null));
    }

    @Test
    void settlementRecordTakesInstitutionAndTypesFromTheEncounter() {
        Encounter e = LakeFixtures.encounter("MD1", "P1", List.of());
        SettlementRecord r = SettlementRecord.of(LakeFixtures.settlement("S1", e, LATE, "1222.88"), e);
        assertEquals("H11010500123", r.institutionCode());
        assertEquals("21", r.medType());
        assertEquals("310", r.insuranceType());
        assertEquals(new BigDecimal("1222.88"), r.total());
        assertEquals(new BigDecimal("345.67"), r.pooledFund());
        assertNull(r.civilServantSubsidy());
        assertEquals(LocalDate.of(2026, 3, 1), r.partitionDate());
    }
}
