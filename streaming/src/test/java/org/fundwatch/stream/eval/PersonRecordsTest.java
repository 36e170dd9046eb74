package org.fundwatch.stream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonRecordsTest {
    @TempDir
    Path dir;

    private static final String ZHANG = "{\"baseinfo\":{\"psn_no\":\"P001\",\"psn_name\":\"张三\",\"gend\":\"1\"},"
            + "\"insuinfo\":[{\"psn_no\":\"X\",\"insutype\":\"310\"}]}";
    /** insuinfo first: its psn_no must not be taken for the person's. */
    private static final String LI = "{\"insuinfo\":[{\"psn_no\":\"X\"}],\"baseinfo\":{\"gend\":\"2\",\"psn_no\":\"P002\"}}";
    /** written with blanks: the byte search does not match, the line is parsed. */
    private static final String WANG = "{ \"baseinfo\" : { \"psn_no\" : \"P003\", \"psn_name\" : \"王五\" } }";

    @Test
    void keepsTheOwnedLinesAsWrittenByPersonNumber() throws IOException {
        String text = ZHANG + "\r\n\n   \n" + LI + "\n" + WANG; // CRLF, blank lines, no line end at the end
        Path file = Files.writeString(dir.resolve("persons.jsonl"), text, StandardCharsets.UTF_8);
        Map<String, byte[]> all = PersonRecords.read(file.toString(), id -> true);
        assertEquals(Set.of("P001", "P002", "P003"), all.keySet());
        assertEquals(ZHANG, new String(all.get("P001"), StandardCharsets.UTF_8));
        assertEquals(LI, new String(all.get("P002"), StandardCharsets.UTF_8));
        assertEquals(WANG, new String(all.get("P003"), StandardCharsets.UTF_8));
        assertEquals("张三", PersonRecords.parse(all.get("P001")).path("baseinfo").path("psn_name").asText());

        assertEquals(Set.of("P002"), PersonRecords.read(file.toString(), "P002"::equals).keySet());
        assertTrue(PersonRecords.read(dir.resolve("none.jsonl").toString(), id -> true).isEmpty());
        assertTrue(PersonRecords.read(null, id -> true).isEmpty());
    }

    @Test
    void readsLinesLongerThanItsBufferAndFilesOfManyBuffers() throws IOException {
        StringBuilder text = new StringBuilder();
        String longName = "名".repeat(700_000); // a 2.1-MB line: longer than the 1-MB buffer
        text.append("{\"baseinfo\":{\"psn_no\":\"LONG\",\"psn_name\":\"").append(longName).append("\"}}\n");
        for (int i = 0; i < 40_000; i++) { // ~3 MB of ordinary lines after it: lines cross buffer boundaries
            text.append("{\"baseinfo\":{\"psn_no\":\"P").append(i).append("\",\"psn_name\":\"赵六\"}}\n");
        }
        Path file = Files.writeString(dir.resolve("persons.jsonl"), text, StandardCharsets.UTF_8);
        Map<String, byte[]> all = PersonRecords.read(file.toString(), id -> true);
        assertEquals(40_001, all.size());
        assertEquals(longName, PersonRecords.parse(all.get("LONG")).path("baseinfo").path("psn_name").asText());
        assertEquals("{\"baseinfo\":{\"psn_no\":\"P39999\",\"psn_name\":\"赵六\"}}",
                new String(all.get("P39999"), StandardCharsets.UTF_8));
    }
}
