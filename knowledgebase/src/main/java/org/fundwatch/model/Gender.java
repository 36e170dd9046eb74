package org.fundwatch.model;

/** Sex per the national dictionary {@code gend} (GB/T 2261.1): 0 unknown, 1 male, 2 female, 9 not stated. */
public enum Gender {
    UNKNOWN("0"), MALE("1"), FEMALE("2"), NOT_STATED("9");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    /** The national code. */
    public String code() {
        return code;
    }

    /** The gender of a national code; {@code null} or blank is {@link #UNKNOWN}; another value throws. */
    public static Gender ofCode(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        for (Gender g : values()) {
            if (g.code.equals(code.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown gend code \"" + code + "\" (expected 0, 1, 2 or 9)");
    }
}
