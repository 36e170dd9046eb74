package org.fundwatch.stream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Strings in the state and on the wire: null, empty, ASCII codes, Chinese names and supplementary characters. */
class StateCodecStringTest {
    @Test
    void stringsRoundTripInSequence() throws IOException {
        List<String> values = Arrays.asList(null, "", "XA10BAE123A001010101234", "二甲双胍片（0.5g*20片）", "𠀀𪚥 mixed 混合",
                "x".repeat(70_000));
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String v : values) {
            StateCodec.writeString(out, v);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (String v : values) {
            assertEquals(v, StateCodec.readString(in));
        }
        assertEquals(0, in.available(), "nothing left over");
    }

    @Test
    void theFormatIsTheLengthAndTheUtf8BytesForAsciiAndOtherText() throws IOException {
        for (String v : Arrays.asList("XA10BAE123A001010101234", "", "二甲双胍片", "a\u007fb", "\u0080")) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            StateCodec.writeString(out, v);
            DataOutputSerializer expected = new DataOutputSerializer(64);
            byte[] utf8 = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            expected.writeInt(utf8.length);
            expected.write(utf8);
            assertEquals(Arrays.toString(expected.getCopyOfBuffer()), Arrays.toString(out.getCopyOfBuffer()), v);
        }
    }
}
