package org.fundwatch.codes;

import java.util.Optional;

/**
 * A 6-digit administrative-division code as used for 医保区划 (admdvs, poolarea, mdtrtarea_admvs):
 * digits 1–2 the province (GB/T 2260), 3–4 the prefecture, 5–6 the county. A province-level pool is
 * {@code xx0000}, a prefecture-level pool {@code xxxx00}. The medical-insurance platform also uses
 * non-GB/T suffixes such as {@code 99} for a pool-level agency (e.g. {@code 430799}), so only the
 * province is checked against a table; the lower segments are only checked to be digits.
 */
public record AdminDivision(String value) {

    public AdminDivision {
        String t = value == null ? null : value.trim();
        if (t == null || !t.matches("\\d{6}")) {
            throw new InvalidCodeException("not a 6-digit admin-division code: " + InvalidCodeException.quote(value));
        }
        if (Province.ofCode(t.substring(0, 2)).isEmpty()) {
            throw new InvalidCodeException("admin-division code has unknown province " + t.substring(0, 2) + ": "
                    + InvalidCodeException.quote(value));
        }
        value = t;
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static AdminDivision parse(String text) {
        return new AdminDivision(text);
    }

    /** The division, or empty when {@code text} is not valid. */
    public static Optional<AdminDivision> tryParse(String text) {
        try {
            return Optional.of(new AdminDivision(text));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a valid admin-division code. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The province (never empty for a constructed value). */
    public Province province() {
        return Province.ofCode(value.substring(0, 2)).orElseThrow();
    }

    /** The province-level pool code, e.g. {@code 430000}. */
    public String provinceCode() {
        return value.substring(0, 2) + "0000";
    }

    /** The prefecture-level code, e.g. {@code 430700}. */
    public String prefectureCode() {
        return value.substring(0, 4) + "00";
    }

    /** Whether this is a province-level code ({@code xx0000}). */
    public boolean isProvinceLevel() {
        return value.endsWith("0000");
    }

    /** Whether {@code other} lies in the same province. */
    public boolean sameProvince(AdminDivision other) {
        return value.regionMatches(0, other.value, 0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
