package org.fundwatch.rules.engine;

import java.util.List;

/**
 * Sex- and age-specific code ranges used by 诊断与患者性别不符 / 诊断与患者年龄不符 / 手术操作编码与性别不符. ICD-10:
 * the WHO ICD-10 (Volume 2, "Restrictions relating to sex / age") categories that 医保版 ICD-10 v2.0 inherits.
 * ICD-9-CM-3: chapter 11 (60–64, male genital organs), chapters 12–13 (65–75, female genital organs and obstetric
 * procedures). Age limits are deliberately wide to keep false positives low: P00–P96 (perinatal conditions) under
 * 1 year; O00–O99 (pregnancy) 10–59 years.
 */
final class IcdDemographics {
    private static final List<String> MALE_ONLY = List.of("B26.0", "C60", "C61", "C62", "C63", "D07.4", "D07.5",
            "D07.6", "D17.6", "D29", "D40", "E29", "N40", "N41", "N42", "N43", "N44", "N45", "N46", "N47", "N48", "N49",
            "N50", "N51", "Q53", "Q54", "Q55", "R86", "Z12.5");
    private static final List<String> FEMALE_ONLY = List.of("A34", "B37.3", "C51", "C52", "C53", "C54", "C55", "C56",
            "C57", "C58", "D06", "D07.0", "D07.1", "D07.2", "D07.3", "D25", "D26", "D27", "D28", "D39", "E28", "N70",
            "N71", "N72", "N73", "N74", "N75", "N76", "N77", "N80", "N81", "N82", "N83", "N84", "N85", "N86", "N87",
            "N88", "N89", "N90", "N91", "N92", "N93", "N94", "N95", "N96", "N97", "N98", "Q50", "Q51", "Q52",
            "R87", "Z30.1", "Z32", "Z33", "Z34", "Z35", "Z36", "Z39");

    private static final PrefixSet MALE = new PrefixSet(MALE_ONLY);
    private static final PrefixSet FEMALE = new PrefixSet(FEMALE_ONLY);

    /** 1 year (⌊365.25⌋ days) and 10 / 60 years in days. */
    static final long ONE_YEAR = 365;
    static final long TEN_YEARS = 3652;
    static final long SIXTY_YEARS = 21915;

    private IcdDemographics() {
    }

    /** 1 for male-only ICD-10 categories, 2 for female-only, else null. */
    static String diagnosisSex(String code) {
        if (code == null) {
            return null;
        }
        if (MALE.matches(code)) {
            return "1";
        }
        if (code.startsWith("O") && code.length() > 1 && Character.isDigit(code.charAt(1))) {
            return "2";
        }
        return FEMALE.matches(code) ? "2" : null;
    }

    /** {min, max} age in days (-1 = open) of an ICD-10 code, or null when it has no age limit. */
    static long[] diagnosisAge(String code) {
        if (code == null || code.length() < 3 || !Character.isDigit(code.charAt(1))) {
            return null;
        }
        if (code.charAt(0) == 'P' && code.compareTo("P97") < 0) {
            return new long[] {-1, ONE_YEAR};
        }
        if (code.charAt(0) == 'O') {
            return new long[] {TEN_YEARS, SIXTY_YEARS};
        }
        return null;
    }

    static String ageText(long[] range) {
        if (range[0] < 0) {
            return range[1] / 365 + "岁以下";
        }
        return range[0] / 365 + "–" + (range[1] / 365 - 1) + "岁";
    }

    /** 1 for ICD-9-CM-3 60–64, 2 for 65–75, else null. */
    static String procedureSex(String code) {
        if (code == null || code.length() < 2 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
            return null;
        }
        int chapter = Integer.parseInt(code.substring(0, 2));
        if (chapter >= 60 && chapter <= 64) {
            return "1";
        }
        return chapter >= 65 && chapter <= 75 ? "2" : null;
    }

    /** Code prefixes as hash lookups, one per distinct prefix length (2 here) instead of a scan of the list. */
    private static final class PrefixSet {
        private final java.util.Set<String> prefixes;
        private final int[] lengths;

        /** Which characters a prefix starts with. */
        private final boolean[] firsts = new boolean[128];

        PrefixSet(List<String> prefixes) {
            this.prefixes = java.util.Set.copyOf(prefixes);
            this.lengths = prefixes.stream().mapToInt(String::length).distinct().sorted().toArray();
            for (String p : prefixes) {
                if (!p.isEmpty() && p.charAt(0) < 128) {
                    firsts[p.charAt(0)] = true;
                } else {
                    throw new IllegalArgumentException("prefix must start with an ASCII character: " + p);
                }
            }
        }

        boolean matches(String code) {
            if (code.isEmpty() || code.charAt(0) >= 128 || !firsts[code.charAt(0)]) {
                return false; // no prefix starts with this character: no substring to look up
            }
            for (int length : lengths) {
                if (length <= code.length() && prefixes.contains(code.substring(0, length))) {
                    return true;
                }
            }
            return false;
        }
    }
}
