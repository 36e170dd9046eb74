package org.fundwatch.model;

/** Sex per the national dictionary {@code gend} (GB/T 2261.1): 0 unknown, 1 male, 2 female, 9 not stated. */
public enum Gender {
    UNKNOWN("0", "未知"), MALE("1", "男"), FEMALE("2", "女"), NOT_STATED("9", "未说明");

    private final String code;
    private final String label;

    Gender(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The Chinese label used in the published knowledge points (男 / 女 …). */
    public String label() {
        return label;
    }

    /** Parses a published label (男 / 女); another value throws. */
    public static Gender ofLabel(String label) {
        for (Gender g : values()) {
            if (g.label.equals(label == null ? null : label.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("gender must be 男 or 女, got '" + label + "'");
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
