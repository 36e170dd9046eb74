package org.fundwatch.codes;

import java.util.Optional;

/**
 * A national medical-insurance doctor code (医保医师代码): {@code D} + 6-digit admdvs + 6-digit
 * serial, 13 characters, e.g. {@code D320481001162}. Only one public example exists (field
 * reference §5), so callers should treat a mismatch as a warning, not a rejection.
 */
public record DoctorCode(String value) {

    public DoctorCode {
        String t = value == null ? null : value.trim();
        if (t == null || !t.matches("D\\d{12}") || !AdminDivision.isValid(t.substring(1, 7))) {
            throw new InvalidCodeException("not a national doctor code (expected D + 6-digit admdvs + 6-digit serial, e.g. D320481001162): "
                    + InvalidCodeException.quote(value));
        }
        value = t;
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static DoctorCode parse(String text) {
        return new DoctorCode(text);
    }

    /** The code, or empty when {@code text} is not valid. */
    public static Optional<DoctorCode> tryParse(String text) {
        try {
            return Optional.of(new DoctorCode(text));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    /** The admin division embedded in the code. */
    public AdminDivision adminDivision() {
        return AdminDivision.parse(value.substring(1, 7));
    }

    @Override
    public String toString() {
        return value;
    }
}
