package org.fundwatch.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

/** JsonBytes must write exactly the bytes Jackson's compact UTF-8 generator writes. */
class JsonBytesTest {
    private static final String[] STRINGS = {
        "", "plain ascii", "quote \" and backslash \\ and slash /", "controls \b\t\n\f\r \u0000 \u0001 \u001f \u007f",
        "北京市第二人民医院", "é ß ©", "emoji \uD83D\uDE00 end", "{\"internet_flag\":\"1\"}", "\u2028\u2029",
    };
    private static final long[] NUMBERS = {0, 7, -7, 9, 10, 99, 100, 12_345, 99_999, 100_000, 1_234_567_890_123L,
        Long.MAX_VALUE, Long.MIN_VALUE};
    private static final long[] FEN = {0, 5, -5, 99, 100, 4091, -105, 11_850_700, Long.MAX_VALUE / 10};

    @Test
    void matchesJacksonForStringsNumbersMoneyNullsAndStructure() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (int round = 0; round < 2; round++) {
                g.writeStartObject();
                g.writeArrayFieldStart("s");
                for (String s : STRINGS) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("n");
                for (long n : NUMBERS) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("m");
                for (long f : FEN) {
                    g.writeNumber(Money.format(f));
                }
                g.writeEndArray();
                g.writeFieldName("age");
                g.writeNumber(90 + ".0");
                g.writeFieldName("ratio");
                g.writeNumber("0.0500");
                g.writeNullField("die_date");
                g.writeFieldName("nothing");
                g.writeString((String) null);
                g.writeArrayFieldStart("empty");
                g.writeEndArray();
                g.writeObjectFieldStart("nested");
                g.writeStringField("a", "1");
                g.writeObjectFieldStart("deeper");
                g.writeEndObject();
                g.writeStringField("名", "值");
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }

        byte[] fixed = JsonBytes.fragment(b -> {
            b.field(JsonBytes.name("a"));
            b.string("1");
            b.field(JsonBytes.name("deeper"));
            b.startObject();
            b.endObject();
        });
        JsonBytes b = new JsonBytes(16); // small on purpose: exercises growth
        for (int round = 0; round < 2; round++) {
            b.startObject();
            b.field(JsonBytes.name("s"));
            b.startArray();
            for (String s : STRINGS) {
                b.string(s);
            }
            b.endArray();
            b.field(JsonBytes.name("n"));
            b.startArray();
            for (long n : NUMBERS) {
                b.number(n);
            }
            b.endArray();
            b.field(JsonBytes.name("m"));
            b.startArray();
            for (long f : FEN) {
                b.money(f);
            }
            b.endArray();
            b.field(JsonBytes.name("age"));
            b.decimal(90, 0, 1);
            b.field(JsonBytes.name("ratio"));
            b.decimal(0, 500, 4);
            b.field(JsonBytes.name("die_date"));
            b.nullValue();
            b.field(JsonBytes.name("nothing"));
            b.string(null);
            b.field(JsonBytes.name("empty"));
            b.startArray();
            b.endArray();
            b.field(JsonBytes.name("nested"));
            b.startObject();
            b.members(fixed);
            b.field(JsonBytes.name("名"));
            b.encoded(JsonBytes.encodedString("值"));
            b.endObject();
            b.endObject();
            b.newline();
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        b.writeTo(actual);
        assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        assertEquals(0, b.size());
    }

    @Test
    void dateTimeAndPaddedDigitsInsideStrings() {
        JsonBytes b = new JsonBytes(8);
        b.startArray();
        b.dateTime("2025-06-05".getBytes(StandardCharsets.US_ASCII), 8 * 3600 + 4 * 60 + 46);
        b.startString();
        b.rawAscii("CB");
        b.rawPadded(42, 5);
        b.endString();
        b.endArray();
        assertEquals("[\"2025-06-05 08:04:46\",\"CB00042\"]", new String(b.toByteArray(), StandardCharsets.UTF_8));
    }
}
