package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scalar parsers accept exactly what the national formats' reference definitions accept: the
 * STRICT {@code uuuu-MM-dd HH:mm:ss} / {@code uuuu-MM-dd} formatters and the decimal pattern, over hand-picked edge
 * cases and 20,000 random mutations of valid values.
 */
class NationalValuesTest {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void dateTimesAndDatesAgreeWithTheStrictFormatters() {
        List<String> cases = new ArrayList<>(List.of("2025-06-14 08:00:00", "2024-02-29 23:59:59", "2025-02-29 10:00:00",
                "2025-04-31 10:00:00", "2025-06-14 24:00:00", "2025-06-14 23:60:00", "2025-06-14T08:00:00", "2025-13-01 00:00:00",
                "2025-00-10 00:00:00", "2025-06-00 00:00:00", "2025/06/14 08:00:00", "2025-06-14 08:00", " 2025-06-14 08:00:00 ",
                "２０２５-06-14 08:00:00", "0000-01-01 00:00:00", "1900-02-29 00:00:00", "2000-02-29 00:00:00", "2025-06-14",
                "2025-6-14", "2025-06-1a", "", "-025-06-14 08:00:00", "2025-06-14X08:00:00"));
        Random random = new Random(7);
        String alphabet = "0123456789-: T/+a.";
        for (int i = 0; i < 20_000; i++) {
            char[] base = (i % 2 == 0 ? "2024-02-29 23:59:59" : "2025-12-31").toCharArray();
            base[random.nextInt(base.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            cases.add(new String(base));
        }
        for (String c : cases) {
            assertEquals(referenceDateTime(c), NationalValues.parseDateTime(c), c);
            assertEquals(referenceDate(c), NationalValues.parseDate(c), c);
        }
    }

    @Test
    void decimalsAgreeWithThePattern() {
        List<String> cases = new ArrayList<>(List.of("0", "12", "12.5", "12.", ".5", ".", "+1", "-1.25", "1e3", "1E-3", "1e",
                "1e+", "e3", "1.2.3", " 7.50 ", "", "+", "-.5", "1_000", "١٢", "0x10", "1e9999999999", "12.50元"));
        Random random = new Random(11);
        String alphabet = "0123456789+-.eE x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(7); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(b.toString());
        }
        for (String c : cases) {
            assertEquals(referenceDecimal(c), NationalValues.parseDecimal(c), c);
            assertEquals(referenceDecimal(c).isPresent(), NationalValues.isDecimalText(c), c);
        }
        assertEquals(Optional.of(true), NationalValues.parseFlag(" 1"));
        assertEquals(Optional.of(false), NationalValues.parseFlag("false"));
        assertEquals(Optional.empty(), NationalValues.parseFlag("2"));
    }

    private static Optional<LocalDateTime> referenceDateTime(String text) {
        String t = text.strip();
        if (t.length() != 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t, t.charAt(10) == 'T' ? ISO : DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> referenceDate(String text) {
        String t = text.strip();
        if (t.length() == 19) {
            return referenceDateTime(t).map(LocalDateTime::toLocalDate);
        }
        try {
            return t.length() == 10 ? Optional.of(LocalDate.parse(t, DATE)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> referenceDecimal(String text) {
        String t = text.strip();
        if (t.isEmpty() || !DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
