package org.fundwatch.codes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A national medical-consumable code (医保医用耗材分类与代码, "27位国家贯标耗材编码"): {@code C} + 26
 * characters. Published codes use digits after the {@code C}; the segment layout is not confirmed
 * by a public source (field reference §5), so only the length, the leading {@code C} and upper-case
 * alphanumerics are checked.
 */
public record ConsumableCode(String value) {
    /** Length of a national consumable code. */
    public static final int LENGTH = 27;
    private static final Pattern FORMAT = Pattern.compile("C[0-9A-Z]{26}");

    public ConsumableCode {
        if (!isValid(value)) {
            String t = value == null ? "" : value.trim();
            String why = t.startsWith("C") && t.length() != LENGTH
                    ? "consumable code must have 27 characters, got " + t.length() + ": "
                    : "not a national consumable code (expected C + 26 alphanumerics): ";
            throw new InvalidCodeException(why + InvalidCodeException.quote(value));
        }
        value = value.trim();
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static ConsumableCode parse(String text) {
        return new ConsumableCode(text);
    }

    /** The code, or empty when {@code text} is not valid. */
    public static Optional<ConsumableCode> tryParse(String text) {
        return isValid(text) ? Optional.of(new ConsumableCode(text)) : Optional.empty();
    }

    /** Whether {@code text} is a valid consumable code. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text.trim()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
