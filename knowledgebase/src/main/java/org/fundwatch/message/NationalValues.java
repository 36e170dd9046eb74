package org.fundwatch.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Parsing of the scalar value types of the national interface, shared by the Jackson binding and
 * the validator so that both accept exactly the same inputs.
 *
 * <ul>
 *   <li>{@code DT} date-times: {@code yyyy-MM-dd HH:mm:ss} (ISO {@code T} separator also accepted);</li>
 *   <li>{@code D} dates: {@code yyyy-MM-dd}; a {@code DT} value is accepted and its date taken,
 *       since many HIS send birth dates as {@code 1951-08-27 00:00:00};</li>
 *   <li>flags: {@code "1"/1/true} and {@code "0"/0/false};</li>
 *   <li>numbers: JSON numbers or numeric strings, kept exactly as {@link BigDecimal}.</li>
 * </ul>
 * All times are local times of {@link #ZONE}; they carry no offset in the messages.
 */
public final class NationalValues {
    /** The zone of every local time in the national messages. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** {@code yyyy-MM-dd HH:mm:ss}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** {@code yyyy-MM-dd}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Optional<Boolean> TRUE = Optional.of(Boolean.TRUE);
    private static final Optional<Boolean> FALSE = Optional.of(Boolean.FALSE);

    // Every field of every message passes through these parsers (the validator, then the binding), so they scan the
    // characters themselves instead of going through a regex or a DateTimeFormatter (which allocated a Matcher or a
    // resolver map per value). They accept exactly what the patterns in the Javadoc describe, with the STRICT
    // resolver's calendar checks (no 2025-02-30, no 24:00:00).

    private NationalValues() {
    }

    /** A {@code DT} value, or empty when {@code text} is not one. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        String t = text.strip();
        if (t.length() != 19 || t.charAt(10) != ' ' && t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Optional.empty();
        }
        LocalDate date = date(t);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second)));
    }

    /** A {@code D} value (or the date of a {@code DT} value), or empty when {@code text} is neither. */
    public static Optional<LocalDate> parseDate(String text) {
        String t = text.strip();
        if (t.length() == 19) {
            return parseDateTime(t).map(LocalDateTime::toLocalDate);
        }
        return t.length() == 10 ? Optional.ofNullable(date(t)) : Optional.empty();
    }

    /** The {@code yyyy-MM-dd} at the start of {@code t}, or null when it is not a calendar date. */
    private static LocalDate date(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The non-negative number written by the ASCII digits {@code t[from, from + count)}, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A 0/1 flag given as text, or empty when {@code text} is not one. */
    public static Optional<Boolean> parseFlag(String text) {
        return switch (text.strip()) {
            case "1", "true" -> TRUE;
            case "0", "false" -> FALSE;
            default -> Optional.empty();
        };
    }

    /**
     * A decimal given as text, or empty when {@code text} is not a plain decimal number
     * ({@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}, ASCII digits; an exponent beyond
     * {@link BigDecimal}'s range is not a number either).
     */
    public static Optional<BigDecimal> parseDecimal(String text) {
        String t = text.strip();
        if (!isDecimal(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty(); // e.g. 1e9999999999: exponent out of range
        }
    }

    /**
     * Whether {@link #parseDecimal} reads {@code text} as a number, without making the number: a plain decimal
     * without an exponent always fits a {@link BigDecimal}; only an exponent can be out of its range.
     */
    public static boolean isDecimalText(String text) {
        String t = text.strip();
        if (!isDecimal(t)) {
            return false;
        }
        return t.indexOf('e') < 0 && t.indexOf('E') < 0 || parseDecimal(t).isPresent();
    }

    private static boolean isDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An integer given as text (a decimal with a zero fraction such as {@code "2.0"} is accepted). */
    public static Optional<Integer> parseInteger(String text) {
        return parseDecimal(text).flatMap(d -> {
            try {
                return Optional.of(d.intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }
}
