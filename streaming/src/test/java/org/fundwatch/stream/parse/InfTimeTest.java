package org.fundwatch.stream.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfTimeTest {
    private static final long JUNE_3_10H = Instant.parse("2025-06-03T02:00:00Z").toEpochMilli(); // 10:00 in Beijing

    @Test
    void readsTheTopLevelInfTimeWhereverItStands() {
        assertEquals(JUNE_3_10H, scan("{\"infno\":\"2204\",\"inf_time\":\"2025-06-03 10:00:00\",\"input\":{}}"));
        // after input, whose nested inf_time is not the envelope's
        assertEquals(JUNE_3_10H, scan("{\"infno\":\"2204\",\"input\":{\"inf_time\":\"2024-01-01 00:00:00\","
                + "\"feedetail\":[{\"a\":[1,2,{\"b\":null}]}]},\"inf_time\":\"2025-06-03 10:00:00\"}"));
    }

    @Test
    void givesNoneWhenThereIsNoReadableInfTime() {
        assertEquals(InfTime.NONE, scan("{\"infno\":\"2204\",\"input\":{\"inf_time\":\"2025-06-03 10:00:00\"}}"));
        assertEquals(InfTime.NONE, scan("{\"infno\":\"2204\",\"inf_time\":\"June 3rd\"}"));
        assertEquals(InfTime.NONE, scan("{\"infno\":\"2204\",\"inf_time\":20250603}"));
        assertEquals(InfTime.NONE, scan("{\"infno\":\"2204\",\"input\":{\"feedetail\":["));
        assertEquals(InfTime.NONE, scan("[\"inf_time\",\"2025-06-03 10:00:00\"]"));
        assertEquals(InfTime.NONE, scan(""));
        assertEquals(InfTime.NONE, InfTime.scan(new byte[] {(byte) 0xC4, (byte) 0xE3}));
    }

    private static long scan(String message) {
        return InfTime.scan(message.getBytes(StandardCharsets.UTF_8));
    }
}
