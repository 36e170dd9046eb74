package org.fundwatch.model;

/**
 * Where care happens. Derived from the medical category ({@code med_type}), not from
 * {@code med_mdtrt_type}, whose two published dictionaries disagree (field reference §3.10).
 * {@link #INTERNET} has no national med_type code: the channel that receives the message (an
 * internet-hospital gateway) sets it.
 */
public enum CareSetting {
    /** 门诊 (general, chronic/special disease, maternity outpatient…). */
    OUTPATIENT,
    /** 急诊. */
    EMERGENCY,
    /** 住院 (incl. day surgery, maternity inpatient, home sickbed). */
    INPATIENT,
    /** 定点药店购药. */
    PHARMACY,
    /** 互联网医院 / online follow-up. */
    INTERNET,
    /** Anything else (care insurance…). */
    OTHER;

    /**
     * The setting of a national {@code med_type} (C(6), national 2-digit codes and provincial
     * extensions up to 6 digits, classified by their leading digits).
     */
    public static CareSetting ofMedType(String medType) {
        if (medType == null || medType.isBlank()) {
            return OTHER;
        }
        String t = medType.strip();
        if (t.equals("13")) {
            return EMERGENCY;
        }
        if (t.equals("71") || t.equals("52")) {
            return INPATIENT; // 家庭病床, 生育住院
        }
        if (t.startsWith("51") || t.startsWith("53")) {
            return OUTPATIENT; // 生育门诊, 计划生育手术费
        }
        return switch (t.charAt(0)) {
            case '1' -> OUTPATIENT;
            case '2' -> INPATIENT;
            case '4' -> PHARMACY;
            case '8' -> OUTPATIENT; // 81 意外伤害门诊
            default -> OTHER;
        };
    }
}
