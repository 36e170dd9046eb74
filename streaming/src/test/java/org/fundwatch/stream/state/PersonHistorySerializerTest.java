package org.fundwatch.stream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDateTime;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fundwatch.history.ClickHousePatientHistoryStoreTest;
import org.fundwatch.model.Encounter;
import org.fundwatch.stream.eval.PersonHistory;
import org.junit.jupiter.api.Test;

/** Settled encounters go into checkpoints as the bytes packed at settlement and come back whole. */
class PersonHistorySerializerTest {
    private final PersonHistorySerializer serializer = new PersonHistorySerializer();

    @Test
    void packingReusesItsBufferButNotItsResult() {
        Encounter big = ClickHousePatientHistoryStoreTest.encounter("P1", "M1", "H1", LocalDateTime.of(2025, 6, 13, 9, 0),
                "XA10BAE123A001010101234");
        Encounter small = ClickHousePatientHistoryStoreTest.encounter("P2", "M2", "H2", LocalDateTime.of(2025, 6, 14, 9, 0),
                "001102000010000");
        byte[] first = StateCodec.pack(big);
        byte[] copy = first.clone();
        byte[] second = StateCodec.pack(small);
        assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(first), "an earlier result is not overwritten");
        assertEquals(big, StateCodec.unpack(first));
        assertEquals(small, StateCodec.unpack(second), "nothing of the longer encounter left in the buffer");
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(StateCodec.pack(big)));
    }

    @Test
    void settledEncountersRoundTripThroughTheirPackedForm() throws IOException {
        Encounter e = ClickHousePatientHistoryStoreTest.encounter("P1", "M1", "H1", LocalDateTime.of(2025, 6, 13, 9, 0),
                "XA10BAE123A001010101234");
        PersonHistory h = new PersonHistory();
        byte[] packed = StateCodec.pack(e);
        h.settled.add(new PersonHistory.Settled(e, packed, "S1", 1_750_000_000_000L, 7, "reg/national/1.2.1|kb/kb-x"));
        h.lastEventTime = 1_750_000_000_000L;
        h.revision = 7;

        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(h, out);
        PersonHistory back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        PersonHistory.Settled s = back.settled.get(0);
        assertEquals("M1", s.encounterId);
        assertEquals("S1", s.settlementId);
        assertEquals(1_750_000_000_000L, s.settledAt);
        assertEquals(7, s.evaluatedRevision);
        assertEquals("reg/national/1.2.1|kb/kb-x", s.evaluatedPacks);
        assertEquals(7, back.revision);
        assertEquals(e, s.encounter(), "decoded from the packed form after a restore");
        assertEquals(s.encounter(), s.encounter(), "decoded on each use");
        assertEquals(1_750_000_000_000L, back.lastEventTime);
    }

    @Test
    void aCheckpointOfTheFormerLayoutIsRejectedNotMisread() {
        var current = serializer.snapshotConfiguration();
        assertTrue(current.resolveSchemaCompatibility(new PersonHistorySerializer.Snapshot()).isIncompatible());
        assertTrue(current.resolveSchemaCompatibility(new PersonHistorySerializer.SnapshotV2()).isCompatibleAsIs());
    }
}
