package org.fundwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

/** The history table on real ClickHouse, the JSON form of an encounter, and the gateway's in-memory replica of it. */
public class ClickHousePatientHistoryStoreTest {

    /** An outpatient encounter with one 30-day prescription of {@code drug}. */
    public static Encounter encounter(String patient, String id, String institution, LocalDateTime admitted, String drug) {
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
    void replicaLoadsTheWindowSeesItsOwnWritesAndPollsOtherWriters() {
        try (ClickHouseStore store = ClickHouseStore.open(IntegrationServer.freshDatabase())) {
            Migrations.bundled(store).migrate();
            try {
                ClickHousePatientHistoryStore stream = new ClickHousePatientHistoryStore(store, "stream");
                LocalDateTime day = LocalDateTime.of(2025, 6, 13, 9, 0);
                stream.record(List.of(encounter("P1", "M1", "H1", day, "XA1"), encounter("P1", "M0", "H1", day.minusDays(400), "XA1"),
                        encounter("P2", "M2", "H2", day.minusDays(2), "XA1")));
                stream.record(List.of(encounter("P1", "M1", "H1", day, "XA2")));
                AtomicInteger pointReads = new AtomicInteger();
                PatientHistoryStore reader = countingReads(stream, pointReads);
                List<VersionedEncounter> written = new java.util.ArrayList<>();
                PatientHistoryStore writer = new PatientHistoryStore() {
                    @Override
                    public void write(List<VersionedEncounter> encounters) {
                        written.addAll(encounters); // write-behind: not in ClickHouse yet
                    }

                    @Override
                    public List<Encounter> recent(String patientId, LocalDateTime since) {
                        throw new AssertionError("the replica never reads through its writer");
                    }
                };
                ReplicatedPatientHistoryStore replica = new ReplicatedPatientHistoryStore(store, writer, reader,
                        Duration.ofDays(180), 3, 0, "gateway:t1");
                assertEquals(2, replica.start(), "the window's encounters, latest version each; M0 is 400 days old");
                List<Encounter> p1 = replica.recentIfCached("P1", day.minusDays(180)).orElseThrow();
                assertEquals(1, p1.size(), p1::toString);
                assertEquals("XA2", p1.get(0).feeLines().get(0).itemCode(), "the later version wins");
                assertEquals(List.of(), replica.recentIfCached("P9", day.minusDays(180)).orElseThrow(),
                        "complete: a patient not held has no history, known without I/O");
                assertEquals(List.of(), replica.recent("P2", day.minusDays(1)), "the read's own window applies");

                Encounter own = encounter("P3", "M3", "H1", day.plusDays(1), "XA3");
                replica.record(List.of(own));
                assertEquals(1, written.size(), "writes go on to the writer");
                assertEquals(List.of(own), replica.recent("P3", day), "own write visible before it is flushed, held losslessly");
                stream.write(written); // the write-behind flush, at the version the replica holds

                stream.record(List.of(encounter("P2", "M4", "H2", day.plusDays(1), "XA4"), encounter("P2", "M2", "H2", day.minusDays(2), "XA5")));
                assertEquals(2, replica.poll(), "rows another process recorded; the own write read back is held at its version already");
                assertEquals(List.of("XA5", "XA4"), replica.recent("P2", day.minusDays(30)).stream()
                        .map(e -> e.feeLines().get(0).itemCode()).toList(), "oldest first, replaced in place");
                assertEquals(0, replica.poll(), "the overlap re-reads rows but applies nothing twice");
                new ClickHousePatientHistoryStore(store, "gateway:t1").record(List.of(encounter("P2", "M9", "H1", day, "XA9")));
                assertEquals(0, replica.poll(), "rows tagged with the replica's own source are left out (it holds its own writes)");

                stream.record(List.of(encounter("P4", "M5", "H2", day.plusDays(1), "XA6")));
                replica.poll();
                assertFalse(replica.complete(), "a fourth patient is over the limit of 3");
                assertEquals(java.util.Optional.empty(), replica.recentIfCached("P4", day), "not held: the caller reads with a deadline");
                assertEquals(1, replica.recent("P4", day).size(), "read from ClickHouse");
                assertEquals(1, pointReads.get());

                stream.record(List.of(encounter("P1", "M6", "H1", day.plusDays(200), "XA7")));
                replica.poll();
                replica.prune();
                assertEquals(List.of("M6"), replica.recent("P1", day.minusDays(400)).stream().map(Encounter::id).toList(),
                        "M1 fell out of the 180-day window behind the newest admission");
                assertEquals(1, replica.patients(), "P2 and P3 had nothing left in the window and were dropped");
            } finally {
                IntegrationServer.drop(store);
            }
        }
    }

    private static PatientHistoryStore countingReads(PatientHistoryStore delegate, AtomicInteger reads) {
        return new PatientHistoryStore() {
            @Override
            public void write(List<VersionedEncounter> encounters) {
                delegate.write(encounters);
            }

            @Override
            public List<Encounter> recent(String patientId, LocalDateTime since) {
                reads.incrementAndGet();
                return delegate.recent(patientId, since);
            }
        };
    }
}
