package org.fundwatch.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A minimal streaming JSON writer into a reusable UTF-8 byte buffer, for the generator's hot path.
 *
 * <p>Why not Jackson's {@code JsonGenerator} here: the generator renders hundreds of megabytes of
 * messages whose field names are fixed and whose many constant members ({@code "dev_no":""},
 * zero amounts of a settlement) never change. Writing pre-encoded names and pre-rendered constant
 * fragments straight into one buffer that is reused across messages, and flushing it in large chunks,
 * avoids per-field lookups, per-message allocation and small writes. The output is byte-for-byte what
 * Jackson's UTF-8 generator writes with default features (compact, no root separator, strings escaped
 * with Jackson's standard escapes: {@code \" \\ \b \t \n \f \r}, other controls as backslash-u00XX,
 * a surrogate pair as two backslash-u escapes as Jackson 2.20 does, all other characters as UTF-8);
 * {@code JsonBytesTest} checks that against Jackson.
 *
 * <p>Commas are inserted like Jackson does: every token that starts a member or element is preceded
 * by a comma unless it is the first in its container or follows a field name.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] buf;
    private int pos;
    /** Whether the next member or element needs a leading comma. */
    private boolean comma;

    JsonBytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** The pre-encoded form of a field name: {@code "name":}. */
    static byte[] name(String field) {
        JsonBytes b = new JsonBytes(field.length() * 3 + 8);
        b.quoted(field);
        b.put((byte) ':');
        return b.toByteArray();
    }

    /**
     * Pre-renders a run of complete members ({@code "a":1,"b":""}) written by {@code members}, for
     * {@link #members(byte[])}. The result starts with a comma; it is dropped where none is needed.
     */
    static byte[] fragment(Consumer<JsonBytes> members) {
        JsonBytes b = new JsonBytes(256);
        b.comma = true;
        members.accept(b);
        return b.toByteArray();
    }

    /** Bytes written since the last {@link #writeTo} or {@link #reset}. */
    int size() {
        return pos;
    }

    void reset() {
        pos = 0;
        comma = false;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Writes the buffered bytes to {@code out} and empties the buffer. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** A string pre-encoded as a JSON value (quoted and escaped), for {@link #encoded(byte[])}. */
    static byte[] encodedString(String s) {
        JsonBytes b = new JsonBytes(s == null ? 8 : s.length() * 3 + 8);
        b.string(s);
        return b.toByteArray();
    }

    /** Ends a root value with a newline (one JSON document per line). */
    void newline() {
        put((byte) '\n');
        comma = false;
    }

    void startObject() {
        ensure(2);
        if (comma) {
            buf[pos++] = ',';
        }
        buf[pos++] = '{';
        comma = false;
    }

    void endObject() {
        put((byte) '}');
        comma = true;
    }

    void startArray() {
        ensure(2);
        if (comma) {
            buf[pos++] = ',';
        }
        buf[pos++] = '[';
        comma = false;
    }

    void endArray() {
        put((byte) ']');
        comma = true;
    }

    /** A field name pre-encoded by {@link #name(String)}. */
    void field(byte[] encodedName) {
        ensure(encodedName.length + 1);
        if (comma) {
            buf[pos++] = ',';
        }
        System.arraycopy(encodedName, 0, buf, pos, encodedName.length);
        pos += encodedName.length;
        comma = false;
    }

    /** Members pre-rendered by {@link #fragment}. */
    void members(byte[] fragment) {
        int from = comma ? 0 : 1;
        int n = fragment.length - from;
        ensure(n);
        System.arraycopy(fragment, from, buf, pos, n);
        pos += n;
        comma = true;
    }

    /** A string value, quoted and escaped; {@code null} as JSON null (as Jackson's writeString). */
    void string(String s) {
        if (s == null) {
            nullValue();
            return;
        }
        valueStart();
        quoted(s);
        comma = true;
    }

    /** A string value made of {@code len} ASCII bytes from {@code b}, which need no escaping. */
    void asciiString(byte[] b, int off, int len) {
        ensure(len + 3);
        if (comma) {
            buf[pos++] = ',';
        }
        buf[pos++] = '"';
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        buf[pos++] = '"';
        comma = true;
    }

    /** A value already encoded as JSON (a quoted string, a number), written as is. */
    void encoded(byte[] value) {
        ensure(value.length + 1);
        if (comma) {
            buf[pos++] = ',';
        }
        System.arraycopy(value, 0, buf, pos, value.length);
        pos += value.length;
        comma = true;
    }

    void number(long v) {
        valueStart();
        digits(v);
        comma = true;
    }

    /** Fen as a two-decimal yuan number ({@code -0.05}, {@code 1153.00}). */
    void money(long fen) {
        valueStart();
        ensure(24);
        if (fen < 0) {
            buf[pos++] = '-';
            fen = -fen;
        }
        digits(fen / 100);
        int cents = (int) (fen % 100);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + cents / 10);
        buf[pos++] = (byte) ('0' + cents % 10);
        comma = true;
    }

    /** A number {@code whole.frac} with {@code fracDigits} zero-padded decimals ({@code 90.0}, {@code 0.5000}). */
    void decimal(long whole, long frac, int fracDigits) {
        valueStart();
        digits(whole);
        ensure(fracDigits + 1);
        buf[pos++] = '.';
        for (int i = fracDigits - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        pos += fracDigits;
        comma = true;
    }

    void nullValue() {
        encoded(NULL);
    }

    /** Opens a string value whose content follows through {@link #raw}; close with {@link #endString()}. */
    void startString() {
        valueStart();
        buf[pos++] = '"';
    }

    void endString() {
        put((byte) '"');
        comma = true;
    }

    /** Raw bytes inside a value opened with {@link #startString()} (the caller guarantees no escaping is needed). */
    void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Raw ASCII text inside a value opened with {@link #startString()}. */
    void rawAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** Raw decimal digits of {@code v} left-padded with zeros to {@code width}, inside a string. */
    void rawPadded(long v, int width) {
        ensure(width + 20);
        int n = 1;
        for (long x = v; x >= 10; x /= 10) {
            n++;
        }
        for (int i = n; i < width; i++) {
            buf[pos++] = '0';
        }
        digits(v);
    }

    /**
     * A {@code "yyyy-MM-dd HH:mm:ss"} string value from the ten ASCII bytes of a date and the seconds
     * into that day.
     */
    void dateTime(byte[] date, int secondOfDay) {
        ensure(22);
        if (comma) {
            buf[pos++] = ',';
        }
        buf[pos++] = '"';
        System.arraycopy(date, 0, buf, pos, 10);
        pos += 10;
        buf[pos++] = ' ';
        two(secondOfDay / 3600);
        buf[pos++] = ':';
        two((secondOfDay / 60) % 60);
        buf[pos++] = ':';
        two(secondOfDay % 60);
        buf[pos++] = '"';
        comma = true;
    }

    /** Two raw digits inside an open string (the caller reserved the room). */
    void two(int v) {
        ensure(2);
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void valueStart() {
        ensure(2);
        if (comma) {
            buf[pos++] = ',';
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    /** Non-negative or negative decimal integer, as {@code Long.toString}. */
    private void digits(long v) {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] s = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(s, 0, buf, pos, s.length);
                pos += s.length;
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int n = length(v);
        for (int i = pos + n - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += n;
    }

    /** Number of decimal digits of a non-negative {@code v}, by comparison rather than division. */
    private static int length(long v) {
        if (v < 10) {
            return 1;
        }
        if (v < 100) {
            return 2;
        }
        if (v < 1_000) {
            return 3;
        }
        if (v < 10_000) {
            return 4;
        }
        int n = 5;
        for (long p = 100_000; n < 19 && v >= p; p *= 10) {
            n++;
        }
        return n;
    }

    private void quoted(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        buf[pos++] = '"';
        int i = 0;
        // fast path: ASCII that needs no escaping
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            buf[pos++] = (byte) c;
        }
        for (; i < n; i++) {
            ensure(7);
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    escape(c);
                } else {
                    buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                // Jackson 2.20 (COMBINE_UNICODE_SURROGATES_IN_UTF8 off by default) escapes both halves
                hexEscape(c);
                hexEscape(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate in " + s);
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        ensure(1);
        buf[pos++] = '"';
    }

    private void escape(char c) {
        ensure(6);
        buf[pos++] = '\\';
        switch (c) {
            case '"' -> buf[pos++] = '"';
            case '\\' -> buf[pos++] = '\\';
            case '\b' -> buf[pos++] = 'b';
            case '\t' -> buf[pos++] = 't';
            case '\n' -> buf[pos++] = 'n';
            case '\f' -> buf[pos++] = 'f';
            case '\r' -> buf[pos++] = 'r';
            default -> {
                pos--;
                hexEscape(c);
            }
        }
    }

    /** Backslash-u and four upper-case hex digits, as Jackson writes it. */
    private void hexEscape(char c) {
        ensure(6);
        buf[pos++] = '\\';
        buf[pos++] = 'u';
        buf[pos++] = HEX[(c >> 12) & 0xF];
        buf[pos++] = HEX[(c >> 8) & 0xF];
        buf[pos++] = HEX[(c >> 4) & 0xF];
        buf[pos++] = HEX[c & 0xF];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
