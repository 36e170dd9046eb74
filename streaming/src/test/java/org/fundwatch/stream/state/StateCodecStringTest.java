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
}
