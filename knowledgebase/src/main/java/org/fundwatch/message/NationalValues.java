package org.fundwatch.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private NationalValues() {
    }

    /** A {@code DT} value, or empty when {@code text} is not one. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        String t = text.strip();
        if (t.length() != 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t, t.charAt(10) == 'T' ? ISO_DATE_TIME : DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A {@code D} value (or the date of a {@code DT} value), or empty when {@code text} is neither. */
    public static Optional<LocalDate> parseDate(String text) {
        String t = text.strip();
        if (t.length() == 19) {
            return parseDateTime(t).map(LocalDateTime::toLocalDate);
        }
        try {
            return t.length() == 10 ? Optional.of(LocalDate.parse(t, DATE)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A 0/1 flag given as text, or empty when {@code text} is not one. */
    public static Optional<Boolean> parseFlag(String text) {
        return switch (text.strip()) {
            case "1", "true" -> Optional.of(Boolean.TRUE);
            case "0", "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** A decimal given as text, or empty when {@code text} is not a plain decimal number. */
    public static Optional<BigDecimal> parseDecimal(String text) {
        String t = text.strip();
        if (t.isEmpty() || !t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
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
