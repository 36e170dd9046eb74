package org.fundwatch.rules.engine.fact;

/**
 * The patient at the encounter.
 *
 * @param genderCode national gend: 1 male, 2 female, 0/9 unknown
 * @param ageDays    age in days on the encounter's admission date; -1 when unknown
 */
public final class PatientFact {
    private final String id;
    private final String genderCode;
    private final long ageDays;
    private final String insuranceType;

    public PatientFact(String id, String genderCode, long ageDays, String insuranceType) {
        this.id = id;
        this.genderCode = genderCode;
        this.ageDays = ageDays;
        this.insuranceType = insuranceType;
    }

    public String getId() {
        return id;
    }

    public String getGenderCode() {
        return genderCode;
    }

    /** Whether the gender is male or female (restrictions only apply then). */
    public boolean isGenderKnown() {
        return "1".equals(genderCode) || "2".equals(genderCode);
    }

    /** 男 / 女 / 未知. */
    public String getGenderLabel() {
        return "1".equals(genderCode) ? "男" : "2".equals(genderCode) ? "女" : "未知";
    }

    public long getAgeDays() {
        return ageDays;
    }

    public boolean isAgeKnown() {
        return ageDays >= 0;
    }

    public String getInsuranceType() {
        return insuranceType;
    }
}
