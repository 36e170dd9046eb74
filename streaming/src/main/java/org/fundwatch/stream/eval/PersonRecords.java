package org.fundwatch.stream.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The person registry a job starts with ({@code persons.jsonl}: one person record — baseinfo, insuinfo… as 1101
 * returns them — per line): the lines of the persons one evaluator subtask owns, <b>unparsed, as UTF-8 bytes</b>, by
 * {@code psn_no}. A line is parsed only when its person first appears in the stream.
 *
 * <p>Every subtask reads the whole file at start (100,000 persons: 50 MB), so the key is found by a byte search for
 * the first {@code "psn_no":"…"} after {@code "baseinfo"} — where the records as written have it — and the line is kept
 * as its bytes: decoding every line into a {@code String} (then encoding it back to parse it) took ~4 % of the stream
 * benchmark's CPU. A line where that search finds nothing is parsed to find its key.
 */
final class PersonRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BASEINFO = ascii("\"baseinfo\"");
    private static final byte[] INSUINFO = ascii("\"insuinfo\"");
    private static final byte[] PERSON_KEY = ascii("\"psn_no\":\"");

    private PersonRecords() {
    }

    /** The owned lines of {@code file} by psn_no; empty when there is no such file. */
    static Map<String, byte[]> read(String file, Predicate<String> owned) {
        Map<String, byte[]> out = new HashMap<>();
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            return out;
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            byte[] buffer = new byte[1 << 20];
            int end = 0;     // bytes in the buffer
            int scanned = 0; // bytes already searched for a line end
            int n;
            while ((n = in.read(buffer, end, buffer.length - end)) >= 0) {
                end += n;
                int lineStart = 0;
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        line(buffer, lineStart, i, owned, out);
                        lineStart = i + 1;
                    }
                }
                System.arraycopy(buffer, lineStart, buffer, 0, end - lineStart); // the unfinished line to the front
                end -= lineStart;
                scanned = end;
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
            }
            line(buffer, 0, end, owned, out); // the last line, without a line end
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable person record (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** A person record's line parsed (when its person first appears). */
    static com.fasterxml.jackson.databind.JsonNode parse(byte[] line) throws IOException {
        return JSON.readTree(line);
    }

    private static void line(byte[] b, int from, int to, Predicate<String> owned, Map<String, byte[]> out)
            throws IOException {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (blank(b, from, to)) {
            return;
        }
        String id = key(b, from, to);
        if (!id.isEmpty() && owned.test(id)) {
            out.put(id, Arrays.copyOfRange(b, from, to));
        }
    }

    private static String key(byte[] b, int from, int to) throws IOException {
        int base = indexOf(b, from, to, BASEINFO);
        int at = base < 0 ? -1 : indexOf(b, base, to, PERSON_KEY);
        int insu = indexOf(b, from, to, INSUINFO);
        if (at >= 0 && (insu < 0 || at < insu || insu < base)) {
            int start = at + PERSON_KEY.length;
            int end = start;
            while (end < to && b[end] != '"') {
                end++;
            }
            if (end > start && end < to) {
                return new String(b, start, end - start, StandardCharsets.UTF_8);
            }
        }
        return JSON.readTree(Arrays.copyOfRange(b, from, to)).path("baseinfo").path("psn_no").asText("");
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        byte first = what[0];
        for (int i = from, last = to - what.length; i <= last; i++) {
            if (b[i] == first && Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\f' && b[i] != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
