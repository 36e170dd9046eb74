package org.fundwatch.stream.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fundwatch.stream.model.Envelope;
import org.junit.jupiter.api.Test;

/** The envelope crosses the network and the state in this form: payload bytes and fields survive exactly. */
class EnvelopeSerializerTest {
    private static Envelope roundTrip(Envelope e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        EnvelopeSerializer.write(out, e);
        return EnvelopeSerializer.read(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void payloadBytesAndFieldsRoundTrip() throws IOException {
        Envelope e = new Envelope("P001", "2207", 1_750_000_000_000L, "day.jsonl", 17, 42);
        e.payload = "{\"infno\":\"2207\",\"input\":{\"data\":{\"psn_name\":\"张三\"}}}".getBytes(StandardCharsets.UTF_8);
        e.encounterId = "MD1";
        e.settlementId = "S1";
        e.medType = "11";
        Envelope back = roundTrip(e);
        assertArrayEquals(e.payload, back.payload);
        assertEquals("P001", back.personNo);
        assertEquals("2207", back.infno);
        assertEquals(1_750_000_000_000L, back.eventTime);
        assertEquals("day.jsonl", back.source);
        assertEquals(17, back.position);
        assertEquals(42, back.ingestedAt);
        assertEquals("MD1", back.encounterId);
        assertEquals("S1", back.settlementId);
        assertEquals("11", back.medType);
    }

    @Test
    void absentPayloadStaysAbsentAndEmptyStaysEmpty() throws IOException {
        Envelope e = new Envelope("P002", "2204", 1L, "f", 1, 1);
        assertNull(roundTrip(e).payload);
        e.payload = new byte[0];
        assertArrayEquals(new byte[0], roundTrip(e).payload);
    }
}
