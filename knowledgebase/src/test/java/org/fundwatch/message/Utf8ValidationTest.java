package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 scan agrees with the JDK's strict decoder, on real text and on random bytes. */
class Utf8ValidationTest {

    @Test
    void acceptsWellFormedText() {
        byte[] text = "{\"psn_name\":\"王某\",\"memo\":\"𠮷 emoji 😀 ASCII\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, MessageParser.firstInvalidUtf8(text, 0));
    }

    @Test
    void rejectsOverlongSurrogatesTruncationAndGbk() throws Exception {
        assertEquals(0, MessageParser.firstInvalidUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0), "overlong '/'");
        assertEquals(0, MessageParser.firstInvalidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0),
                "surrogate");
        assertEquals(1, MessageParser.firstInvalidUtf8(new byte[] {'a', (byte) 0xE4, (byte) 0xB8}, 0), "truncated");
        assertEquals(0, MessageParser.firstInvalidUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                0), "above U+10FFFF");
        byte[] gbk = "长沙".getBytes("GBK");
        assertEquals(jdk(gbk), MessageParser.firstInvalidUtf8(gbk, 0));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) { // bias towards plausible sequences
                byte[] text = new String(new int[] {random.nextInt(0x10FFFF)}, 0, 1).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(text, 0, bytes, 0, Math.min(text.length, bytes.length));
            }
            assertEquals(jdk(bytes), MessageParser.firstInvalidUtf8(bytes, 0), () -> java.util.HexFormat.of()
                    .formatHex(bytes));
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnMostlyAsciiText() {
        // long ASCII runs (read eight bytes at a time) with multi-byte and invalid bytes at every alignment
        Random random = new Random(11);
        for (int run = 0; run < 20_000; run++) {
            byte[] bytes = new byte[1 + random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (32 + random.nextInt(95));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(bytes.length);
                byte[] text = random.nextBoolean() ? "医保".getBytes(StandardCharsets.UTF_8)
                        : new byte[] {(byte) (0x80 + random.nextInt(0x80))};
                System.arraycopy(text, 0, bytes, at, Math.min(text.length, bytes.length - at));
            }
            int from = random.nextInt(Math.min(4, bytes.length));
            byte[] tail = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
            int expected = jdk(tail);
            assertEquals(expected < 0 ? -1 : expected + from, MessageParser.firstInvalidUtf8(bytes, from),
                    () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    /** Where the JDK's strict decoder stops, or -1. */
    private static int jdk(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            // decode(ByteBuffer) leaves the position at the start of the malformed input
            return in.position();
        }
    }
}
