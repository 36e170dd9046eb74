package org.fundwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.fundwatch.clickhouse.Migrations;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.junit.jupiter.api.Test;

/** The history table on real ClickHouse, the JSON form of an encounter, and the cache in front. */
class ClickHousePatientHistoryStoreTest {

    static Encounter encounter(String patient, String id, String institution, LocalDateTime admitted, String drug) {
        FeeLine line = new FeeLine(id + "-L1", "RX-" + id, drug, "H1", ListType.DRUG, "09", "二甲双胍片", "0.5g*20片", "盒",
                new BigDecimal("2"), new BigDecimal("12.50"), Money.ofYuan("25.00"), admitted, admitted.plusDays(30), "D1",
                "张医生", "A03", "内科", null, true, false, false, null);
        return new Encounter(id, patient, new Institution(institution, "医院", "430796", "02", "1"), CareSetting.OUTPATIENT, "11",
                "310", admitted, null, "A03", "内科", null, null, "D1", "E11.900", "2型糖尿病",
                List.of(new Diagnosis("E11.900", "2型糖尿病", true, 1, false, admitted)), List.of(), List.of(line),
                new Encounter.EncounterTotals(Money.ofYuan("25.00"), Money.ZERO, null, null, null, null, 0));
    }

    @Test
    void encounterJsonRoundTrips() {
        Encounter e = encounter("P1", "M1", "H1", LocalDateTime.of(2025, 6, 13, 9, 0), "XA10BAE123A001010101234");
        assertEquals(e, EncounterJson.read(EncounterJson.write(e)));
    }

    @Test
    void recordsReplacesAndReadsByPatientAndWindow() {
        try (ClickHouseStore store = ClickHouseStore.open(IntegrationServer.freshDatabase())) {
            Migrations.bundled(store).migrate();
            try {
                ClickHousePatientHistoryStore history = new ClickHousePatientHistoryStore(store, "stream");
                LocalDateTime day = LocalDateTime.of(2025, 6, 13, 9, 0);
                history.record(List.of(encounter("P1", "M1", "H1", day, "XA1"), encounter("P1", "M0", "H1", day.minusDays(400), "XA1"),
                        encounter("P2", "M2", "H2", day, "XA1"), encounter("O'Brien\\", "M3", "H2", day, "XA1")));
                history.record(List.of(encounter("P1", "M1", "H1", day, "XA2")));
                List<Encounter> p1 = history.recent("P1", day.minusDays(180));
                assertEquals(1, p1.size(), p1::toString);
                assertEquals("XA2", p1.get(0).feeLines().get(0).itemCode(), "the later version wins");
                assertEquals(2, history.recent("P1", day.minusDays(500)).size());
                assertEquals(List.of(), history.recent("P9", day.minusDays(500)));
                assertEquals(1, history.recent("O'Brien\\", day.minusDays(1)).size(), "quotes are escaped");
            } finally {
                IntegrationServer.drop(store);
            }
        }
    }

    @Test
    void cacheServesRepeatsAndSeesItsOwnWrites() {
        AtomicInteger reads = new AtomicInteger();
        List<Encounter> stored = new java.util.ArrayList<>();
        PatientHistoryStore backing = new PatientHistoryStore() {
            @Override
            public void record(java.util.Collection<Encounter> encounters) {
                // write-behind: not visible to reads yet
            }

            @Override
            public List<Encounter> recent(String patientId, LocalDateTime since) {
                reads.incrementAndGet();
                return List.copyOf(stored);
            }
        };
        AtomicLong now = new AtomicLong();
        CachingPatientHistoryStore cache = new CachingPatientHistoryStore(backing, 10, Duration.ofSeconds(30), now::get);
        LocalDateTime day = LocalDateTime.of(2025, 6, 13, 9, 0);
        assertEquals(List.of(), cache.recent("P1", day.minusDays(180)));
        cache.record(List.of(encounter("P1", "M1", "H1", day, "XA1")));
        assertEquals(1, cache.recent("P1", day.minusDays(180)).size(), "own write visible before the flush");
        assertEquals(1, reads.get());
        assertEquals(1, cache.recentIfCached("P1", day.minusDays(180)).orElseThrow().size(), "served without I/O");
        assertEquals(java.util.Optional.empty(), cache.recentIfCached("P2", day.minusDays(180)));
        assertEquals(0, cache.recent("P1", day.plusDays(1)).size(), "narrower window filtered from the cached list");
        assertEquals(1, reads.get());
        cache.recent("P1", day.minusDays(365));
        assertEquals(2, reads.get(), "a wider window than cached is read again");
        now.set(Duration.ofSeconds(31).toNanos());
        cache.recent("P1", day.minusDays(180));
        assertEquals(3, reads.get(), "expired entries are read again");
    }
}
