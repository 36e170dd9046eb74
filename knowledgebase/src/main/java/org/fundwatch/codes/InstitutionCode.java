package org.fundwatch.codes;

import java.util.Optional;

/**
 * A designated-institution code (定点医药机构编号): a kind letter, the 6-digit admdvs and a 5-digit
 * serial, 12 characters, e.g. {@code H32118100064}. {@code H} = hospital (confirmed), {@code P} =
 * retail pharmacy (seen in HIS code, not confirmed by the field reference).
 */
public record InstitutionCode(String value) {

    /** The kind of designated institution, from the first letter. */
    public enum Kind {
        /** 定点医疗机构, {@code H…}. */
        HOSPITAL,
        /** 定点零售药店, {@code P…}. */
        PHARMACY
    }

    public InstitutionCode {
        String t = value == null ? null : value.trim();
        if (t == null || !t.matches("[HP]\\d{11}")) {
            throw new InvalidCodeException("not an institution code (expected H or P + 6-digit admdvs + 5-digit serial, e.g. H32118100064): "
                    + InvalidCodeException.quote(value));
        }
        if (!AdminDivision.isValid(t.substring(1, 7))) {
            throw new InvalidCodeException("institution code has an invalid admdvs " + t.substring(1, 7) + ": "
                    + InvalidCodeException.quote(value));
        }
        value = t;
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static InstitutionCode parse(String text) {
        return new InstitutionCode(text);
    }

    /** The code, or empty when {@code text} is not valid. */
    public static Optional<InstitutionCode> tryParse(String text) {
        try {
            return Optional.of(new InstitutionCode(text));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a valid institution code. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** Hospital or pharmacy. */
    public Kind kind() {
        return value.charAt(0) == 'P' ? Kind.PHARMACY : Kind.HOSPITAL;
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
