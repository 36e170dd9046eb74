package org.fundwatch.codes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operation/procedure code of 医保版 ICD-9-CM-3 v2.0 (医疗保障手术操作分类与代码), e.g.
 * {@code 42.0902}, {@code 60.5x02}, {@code 96.0800x005}.
 *
 * <p>Shape (checked against all 13,685 codes of the v2.0 file): two digits, a dot, a four-character
 * body ({@code nnnn}, {@code nxnn} for three-character categories), a five-character body for the
 * acupuncture/TCM block ({@code nnnnn} or {@code nnnAn}, e.g. {@code 17.91100}, {@code 17.912A0}),
 * then an optional national extension {@code x} + three or four digits; a three-digit body occurs
 * only before a four-digit extension ({@code 86.700x0013}).
 */
public record ProcedureCode(String value) {
    private static final Pattern FORMAT = Pattern.compile(
            "\\d{2}\\.(?:\\d{4}|\\dx\\d{2}|\\d{5}|\\d{3}[A-Z]\\d|\\d{3}(?=x\\d{4}))(x\\d{3,4})?");

    public ProcedureCode {
        if (!isValid(value)) {
            throw new InvalidCodeException("not a 医保版 ICD-9-CM-3 procedure code (expected nn.nnnn[xnnn], e.g. 42.0902 or 96.0800x005): "
                    + InvalidCodeException.quote(value));
        }
        value = value.trim();
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static ProcedureCode parse(String text) {
        return new ProcedureCode(text);
    }

    /** The code, or empty when {@code text} is not a valid procedure code. */
    public static Optional<ProcedureCode> tryParse(String text) {
        return isValid(text) ? Optional.of(new ProcedureCode(text)) : Optional.empty();
    }

    /** Whether {@code text} has the shape of a 医保版 ICD-9-CM-3 code. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text.trim()).matches();
    }

    /** The two-digit section, e.g. {@code 60} for {@code 60.5x02}. */
    public String section() {
        return value.substring(0, 2);
    }

    /** Whether the code carries a national {@code x} extension after the four-character body. */
    public boolean hasExtension() {
        java.util.regex.Matcher m = FORMAT.matcher(value);
        return m.matches() && m.group(1) != null;
    }

    /** Whether this code starts with {@code prefix}. */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
