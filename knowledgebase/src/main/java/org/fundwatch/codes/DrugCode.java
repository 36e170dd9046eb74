package org.fundwatch.codes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A national drug code (医保药品分类与代码).
 *
 * <ul>
 *   <li>Western drugs (西药), 23 characters: {@code X} + class (5, ATC level 4 such as {@code G02BA})
 *       + generic-name code (4, letter + 3 digits) + dosage-form code (4, letter + 3 digits)
 *       + specification/pack code (4 digits) + manufacturer code (5 digits), e.g.
 *       {@code XG02BAZ061Z007010279543}.</li>
 *   <li>Chinese patent drugs (中成药), 20 characters: {@code Z} + class (5) + name code (5, letter +
 *       4 digits) + specification/pack code (4 digits) + manufacturer code (5 digits), e.g.
 *       {@code ZA04CAE0023010100166}.</li>
 * </ul>
 * Both shapes were checked against every code in the NHSA two-libraries batches 1–8
 * (5,546 {@code X} codes, all 23 characters; 8,281 {@code Z} codes, all 20 characters).
 */
public record DrugCode(String value) {
    private static final Pattern WESTERN = Pattern.compile("X([A-Z]\\d{2}[A-Z]{2})([A-Z]\\d{3})([A-Z]\\d{3})(\\d{4})(\\d{5})");
    private static final Pattern CHINESE_PATENT = Pattern.compile("Z([A-Z]\\d{2}[A-Z]{2})([A-Z]\\d{4})(\\d{4})(\\d{5})");

    /** The two national drug-code families. */
    public enum Kind {
        /** 西药, {@code X…}, 23 characters. */
        WESTERN,
        /** 中成药, {@code Z…}, 20 characters. */
        CHINESE_PATENT
    }

    public DrugCode {
        if (!isValid(value)) {
            throw new InvalidCodeException(reason(value));
        }
        value = value.trim();
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static DrugCode parse(String text) {
        return new DrugCode(text);
    }

    /** The code, or empty when {@code text} is not a valid national drug code. */
    public static Optional<DrugCode> tryParse(String text) {
        return isValid(text) ? Optional.of(new DrugCode(text)) : Optional.empty();
    }

    /** Whether {@code text} is a valid Western or Chinese-patent national drug code. */
    public static boolean isValid(String text) {
        return matcher(text) != null;
    }

    private static Matcher matcher(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher m = (t.startsWith("Z") ? CHINESE_PATENT : WESTERN).matcher(t);
        return m.matches() ? m : null;
    }

    private static String reason(String text) {
        String q = InvalidCodeException.quote(text);
        if (text == null || text.isBlank()) {
            return "not a national drug code: " + q;
        }
        String t = text.trim();
        if (t.startsWith("X")) {
            return t.length() != 23
                    ? "Western drug code must have 23 characters, got " + t.length() + ": " + q
                    : "Western drug code must be X + class(5) + name(4) + form(4) + spec(4 digits) + manufacturer(5 digits): " + q;
        }
        if (t.startsWith("Z")) {
            return t.length() != 20
                    ? "Chinese patent drug code must have 20 characters, got " + t.length() + ": " + q
                    : "Chinese patent drug code must be Z + class(5) + name(5) + spec(4 digits) + manufacturer(5 digits): " + q;
        }
        return "national drug code must start with X (Western) or Z (Chinese patent): " + q;
    }

    /** Western or Chinese patent. */
    public Kind kind() {
        return value.charAt(0) == 'Z' ? Kind.CHINESE_PATENT : Kind.WESTERN;
    }

    /** The five-character class, e.g. {@code G02BA}. */
    public String classCode() {
        return value.substring(1, 6);
    }

    /**
     * The prefix naming the generic drug regardless of form, pack and maker: {@code X}+class+name
     * (10 characters) or {@code Z}+class+name (11 characters).
     */
    public String genericKey() {
        return value.substring(0, kind() == Kind.WESTERN ? 10 : 11);
    }

    /** The dosage-form code (Western drugs only; Chinese patent codes do not carry one). */
    public Optional<String> dosageFormCode() {
        return kind() == Kind.WESTERN ? Optional.of(value.substring(10, 14)) : Optional.empty();
    }

    /** The five-digit manufacturer code (last five characters). */
    public String manufacturerCode() {
        return value.substring(value.length() - 5);
    }

    @Override
    public String toString() {
        return value;
    }
}
