package org.fundwatch.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money helpers: amounts are long fen (分) inside the generator and 2-decimal yuan at the boundary. */
public final class Money {
    private Money() {
    }

    /** Parses a yuan amount ("12.5", "118507") to fen, rounding half-up to the fen. */
    public static long parseYuanToFen(String yuan) {
        return new BigDecimal(yuan.trim()).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits (no Formatter). */
    static String zeroPad(long value, int width) {
        if (value < 0 || width > 19) {
            String digits = Long.toString(value);
            if (digits.length() >= width) {
                return digits;
            }
            return "0".repeat(width - digits.length()) + digits;
        }
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        byte[] b = new byte[Math.max(n, width)];
        for (int i = b.length - 1; i >= 0; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Fen as a BigDecimal yuan with scale 2. */
    public static BigDecimal toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Fen as yuan text with exactly two decimals ("-0.05", "1153.00"), without BigDecimal allocation. */
    public static String format(long fen) {
        StringBuilder sb = new StringBuilder(16);
        append(sb, fen);
        return sb.toString();
    }

    /** Appends fen as yuan text with two decimals. */
    public static void append(StringBuilder sb, long fen) {
        if (fen < 0) {
            sb.append('-');
            fen = -fen;
        }
        sb.append(fen / 100).append('.');
        long cents = fen % 100;
        if (cents < 10) {
            sb.append('0');
        }
        sb.append(cents);
    }

    /** Writes fen as yuan text with two decimals into {@code out}; returns the length. */
    public static int write(long fen, char[] out) {
        int pos = 0;
        if (fen < 0) {
            out[pos++] = '-';
            fen = -fen;
        }
        long yuan = fen / 100;
        int cents = (int) (fen % 100);
        int digits = 1;
        for (long v = yuan; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            out[i] = (char) ('0' + yuan % 10);
            yuan /= 10;
        }
        pos += digits;
        out[pos++] = '.';
        out[pos++] = (char) ('0' + cents / 10);
        out[pos++] = (char) ('0' + cents % 10);
        return pos;
    }

    /** {@code fen × basisPoints / 10000}, rounded half-up (ratios are carried as basis points). */
    public static long share(long fen, int basisPoints) {
        return (fen * basisPoints + 5_000) / 10_000;
    }
}
