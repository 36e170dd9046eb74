package org.fundwatch.gateway;

/**
 * Masks personal data before it reaches a log line: identifiers (psn_no, certno, patn_id) keep their first two and
 * last two characters, names keep their first character. Responses to the institution are not masked — they are its
 * own data; logs are read by operators who must not see who was treated where.
 */
public final class Masking {
    private Masking() {
    }

    /** {@code 43079600000000012345} → {@code 43****************45}; up to 4 characters → all masked but the first. */
    public static String id(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "-" : "";
        }
        int n = value.length();
        if (n <= 4) {
            return value.charAt(0) + "*".repeat(n - 1);
        }
        return value.substring(0, 2) + "*".repeat(n - 4) + value.substring(n - 2);
    }

    /** {@code 王某某} → {@code 王**}. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "-" : "";
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
    }
}
