package org.fundwatch.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Formats simulation times (seconds since the first day's midnight) as the national
 * {@code yyyy-MM-dd HH:mm:ss} text without allocating a formatter per call: day strings are cached.
 */
final class TimeText {
    private final LocalDate start;
    private final String[] days;
    private final String[] compactDays;
    private final byte[][] dayBytes;
    private final byte[][] compactDayBytes;

    TimeText(LocalDate start, int days) {
        this.start = start;
        this.days = new String[days + 400];
        this.compactDays = new String[days + 400];
        this.dayBytes = new byte[days + 400][];
        this.compactDayBytes = new byte[days + 400][];
    }

    String date(long time) {
        int d = (int) Math.floorDiv(time, World.DAY);
        if (d < 0 || d >= days.length) {
            return start.plusDays(d).toString();
        }
        String s = days[d];
        if (s == null) {
            s = start.plusDays(d).toString();
            days[d] = s;
        }
        return s;
    }

    String compactDate(long time) {
        int d = (int) Math.floorDiv(time, World.DAY);
        if (d < 0 || d >= compactDays.length) {
            return start.plusDays(d).format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        String s = compactDays[d];
        if (s == null) {
            s = start.plusDays(d).format(DateTimeFormatter.BASIC_ISO_DATE);
            compactDays[d] = s;
        }
        return s;
    }

    /** The ten ASCII bytes of {@code yyyy-MM-dd} for the day of {@code time} (cached per day). */
    byte[] dateBytes(long time) {
        int d = (int) Math.floorDiv(time, World.DAY);
        if (d < 0 || d >= dayBytes.length) {
            return ascii(date(time), 10);
        }
        byte[] b = dayBytes[d];
        if (b == null) {
            b = ascii(date(time), 10);
            dayBytes[d] = b;
        }
        return b;
    }

    /** Seconds since midnight of {@code time}'s day. */
    static int secondOfDay(long time) {
        return (int) Math.floorMod(time, World.DAY);
    }

    /** Writes {@code yyyyMMddHHmmss} into {@code out} at {@code at}; returns the position after it. */
    int compact(long time, byte[] out, int at) {
        int d = (int) Math.floorDiv(time, World.DAY);
        byte[] day;
        if (d < 0 || d >= compactDayBytes.length) {
            day = ascii(compactDate(time), 8);
        } else {
            day = compactDayBytes[d];
            if (day == null) {
                day = ascii(compactDate(time), 8);
                compactDayBytes[d] = day;
            }
        }
        System.arraycopy(day, 0, out, at, 8);
        int s = secondOfDay(time);
        two(out, at + 8, s / 3600);
        two(out, at + 10, (s / 60) % 60);
        two(out, at + 12, s % 60);
        return at + 14;
    }

    private static byte[] ascii(String s, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    private static void two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}. */
    String dateTime(long time) {
        char[] c = new char[19];
        dateTime(time, c);
        return new String(c);
    }

    /** Writes {@code yyyy-MM-dd HH:mm:ss} into the first 19 chars of {@code c}. */
    void dateTime(long time, char[] c) {
        String d = date(time);
        d.getChars(0, 10, c, 0);
        c[10] = ' ';
        int s = (int) Math.floorMod(time, World.DAY);
        two(c, 11, s / 3600);
        c[13] = ':';
        two(c, 14, (s / 60) % 60);
        c[16] = ':';
        two(c, 17, s % 60);
    }

    /** {@code yyyyMMddHHmmss}. */
    String compact(long time) {
        char[] c = new char[14];
        compactDate(time).getChars(0, 8, c, 0);
        int s = (int) Math.floorMod(time, World.DAY);
        two(c, 8, s / 3600);
        two(c, 10, (s / 60) % 60);
        two(c, 12, s % 60);
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }
}
