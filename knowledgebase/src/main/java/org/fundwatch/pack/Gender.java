package org.fundwatch.pack;

import java.util.Arrays;

/** Gender in the national dictionary (GB/T 2261.1): {@code 1} male, {@code 2} female. */
public enum Gender {
    MALE("1", "男"),
    FEMALE("2", "女");

    private final String code;
    private final String label;

    Gender(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The national code, {@code 1} or {@code 2}. */
    public String code() {
        return code;
    }

    /** The Chinese label used in the published knowledge points (男 / 女). */
    public String label() {
        return label;
    }

    /** Parses a national code ({@code 1}/{@code 2}). */
    public static Gender ofCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gender code must be 1 or 2, got '" + code + "'"));
    }

    /** Parses a published label (男 / 女). */
    public static Gender ofLabel(String label) {
        return Arrays.stream(values()).filter(g -> g.label.equals(label.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gender must be 男 or 女, got '" + label + "'"));
    }
}
