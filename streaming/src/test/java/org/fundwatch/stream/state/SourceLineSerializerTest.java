package org.fundwatch.stream.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fundwatch.stream.model.SourceLine;
import org.junit.jupiter.api.Test;

/** The line from the reader to the parsers crosses the network in this form: bytes and origin survive exactly. */
class SourceLineSerializerTest {
    private static final SourceLineSerializer SERIALIZER = new SourceLineSerializer();

    private static SourceLine roundTrip(SourceLine line) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.serialize(line, out);
        return SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void bytesThatAreNotUtf8AndTheOriginRoundTrip() throws IOException {
        // GBK bytes of "张三" inside a JSON line: not UTF-8, and they must reach a dead letter unchanged
        byte[] gbk = {'{', '"', 'n', '"', ':', '"', (byte) 0xD5, (byte) 0xC5, (byte) 0xC8, (byte) 0xFD, '"', '}'};
        SourceLine back = roundTrip(new SourceLine("/data/in/医保-2025-06-01.jsonl", 1_234_567_890_123L, gbk));
        assertArrayEquals(gbk, back.bytes);
        assertEquals("/data/in/医保-2025-06-01.jsonl", back.source);
        assertEquals(1_234_567_890_123L, back.position);
    }

    @Test
    void absentPartsStayAbsentAndEmptyStaysEmpty() throws IOException {
        SourceLine back = roundTrip(new SourceLine(null, 0, null));
        assertNull(back.source);
        assertNull(back.bytes);
        assertArrayEquals(new byte[0], roundTrip(new SourceLine("kafka:t/0", 5, new byte[0])).bytes);
    }

    @Test
    void aCopyOwnsItsBytes() {
        SourceLine line = new SourceLine("f", 1, "{}".getBytes(StandardCharsets.UTF_8));
        SourceLine copy = SERIALIZER.copy(line);
        assertNotSame(line.bytes, copy.bytes);
        assertArrayEquals(line.bytes, copy.bytes);
    }

    @Test
    void flinkUsesThisSerializerForSourceLines() {
        assertInstanceOf(SourceLineSerializer.class,
                TypeInformation.of(SourceLine.class).createSerializer(new SerializerConfigImpl()));
    }
}
