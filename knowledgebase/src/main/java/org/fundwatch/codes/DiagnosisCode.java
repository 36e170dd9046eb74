package org.fundwatch.codes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diagnosis code of 医保版 ICD-10 v2.0 (医疗保障疾病诊断分类与代码), e.g. {@code M10.000},
 * {@code I10.x05}, {@code C34.900x001}, or a dagger/asterisk pair {@code A01.001+K77.0*}.
 *
 * <p>Shape (checked against all 33,306 codes of the v2.0 file): a category of one letter and two
 * digits, a dot, a three-character subcategory ({@code nnn}, or {@code xnn} for categories without
 * a fourth ICD character), an optional national extension {@code x} + three digits, and an optional
 * {@code +} asterisk code ({@code Ann*} or {@code Ann.n*}). Codes are case-sensitive as published
 * ({@code x} is lower case); surrounding whitespace is trimmed.
 */
public record DiagnosisCode(String value) {
    private static final Pattern FORMAT = Pattern.compile(
            "([A-Z]\\d{2})\\.(\\d{3}|x\\d{2})(x\\d{3})?(?:\\+([A-Z]\\d{2}(?:\\.\\d)?)\\*)?");

    public DiagnosisCode {
        Matcher m = match(value);
        if (m == null) {
            throw new InvalidCodeException("not a 医保版 ICD-10 diagnosis code (expected Ann.nnn[xnnn], e.g. M10.000 or C34.900x001): "
                    + InvalidCodeException.quote(value));
        }
        value = value.trim();
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static DiagnosisCode parse(String text) {
        return new DiagnosisCode(text);
    }

    /** The code, or empty when {@code text} is not a valid diagnosis code. */
    public static Optional<DiagnosisCode> tryParse(String text) {
        return isValid(text) ? Optional.of(new DiagnosisCode(text)) : Optional.empty();
    }

    /** Whether {@code text} has the shape of a 医保版 ICD-10 diagnosis code. */
    public static boolean isValid(String text) {
        return match(text) != null;
    }

    private static Matcher match(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.trim());
        return m.matches() ? m : null;
    }

    private Matcher parts() {
        return match(value);
    }

    /** The three-character category, e.g. {@code C34} for {@code C34.900x001}. */
    public String category() {
        return value.substring(0, 3);
    }

    /** The chapter letter, e.g. {@code C}. */
    public char chapterLetter() {
        return value.charAt(0);
    }

    /** The code without the national extension and asterisk part, e.g. {@code C34.900}. */
    public String subcategory() {
        return value.substring(0, 7);
    }

    /** Whether the code carries a national {@code xnnn} extension. */
    public boolean hasExtension() {
        return parts().group(3) != null;
    }

    /** The asterisk (manifestation) code of a dagger/asterisk pair, e.g. {@code K77.0}. */
    public Optional<String> asteriskCode() {
        return Optional.ofNullable(parts().group(4));
    }

    /** Whether this code starts with {@code prefix} (e.g. {@code "I10"} or {@code "C34.9"}). */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
