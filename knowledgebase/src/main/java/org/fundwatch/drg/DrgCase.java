package org.fundwatch.drg;

import java.util.List;
import java.util.Objects;

/**
 * One inpatient episode as the CHS-DRG grouper sees it (the 医保结算清单 fields the grouper needs).
 *
 * @param id             case identifier (病案号 / 结算 id), echoed in output
 * @param gender         national dictionary: {@code 1} male, {@code 2} female, {@code 0} unknown
 * @param ageYears       age in whole years, or {@code null} when unknown
 * @param ageDays        age in days (total, e.g. 32460 for an 88-year-old), or {@code null} when unknown;
 *                       for newborns this is the 出生天数 the standard uses
 * @param weightGrams    birth weight in grams (newborns), or {@code null} when unknown
 * @param dept           discharge department code (not used by the national 1.1 logic)
 * @param lengthOfStay   days in hospital, or {@code null}
 * @param leavingType    离院方式 code, or empty
 * @param diagnoses      医保版 ICD-10 codes, principal diagnosis first
 * @param procedures     医保版 ICD-9-CM-3 codes, principal procedure first (may be empty)
 */
public record DrgCase(String id, int gender, Integer ageYears, Integer ageDays, Integer weightGrams, String dept,
                      Integer lengthOfStay, String leavingType, List<String> diagnoses, List<String> procedures) {

    public static final int MALE = 1;
    public static final int FEMALE = 2;

    public DrgCase {
        Objects.requireNonNull(id, "id");
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        dept = dept == null ? "" : dept;
        leavingType = leavingType == null ? "" : leavingType;
    }

    /** A case with only the fields the grouping logic reads. */
    public static DrgCase of(String id, int gender, Integer ageYears, Integer ageDays, Integer weightGrams,
                             List<String> diagnoses, List<String> procedures) {
        return new DrgCase(id, gender, ageYears, ageDays, weightGrams, "", null, "", diagnoses, procedures);
    }

    /**
     * Age in days: {@link #ageDays()} when given, else {@code ageYears × 365}, else {@code -1}.
     */
    public int effectiveAgeDays() {
        if (ageDays != null) {
            return ageDays;
        }
        return ageYears == null ? -1 : ageYears * 365;
    }
}
