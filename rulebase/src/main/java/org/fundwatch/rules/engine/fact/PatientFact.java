package org.fundwatch.rules.engine.fact;

/**
 * The patient at the encounter.
 *
 * @param genderCode national gend: 1 male, 2 female, 0/9 unknown
 * @param ageDays    age in days on the encounter's admission date; -1 when unknown
 * @param deathDay   epoch day of the death date; {@link Long#MAX_VALUE} while alive or unknown
 */
public final class PatientFact {
    private final String id;
    private final String genderCode;
    private final long ageDays;
    private final String insuranceType;
    private final long deathDay;

    public PatientFact(String id, String genderCode, long ageDays, String insuranceType) {
        this(id, genderCode, ageDays, insuranceType, Long.MAX_VALUE);
    }

    public PatientFact(String id, String genderCode, long ageDays, String insuranceType, long deathDay) {
        this.id = id;
        this.genderCode = genderCode;
        this.ageDays = ageDays;
        this.insuranceType = insuranceType;
        this.deathDay = deathDay;
    }

    /** Epoch day of death; {@link Long#MAX_VALUE} while alive or unknown, so {@code day > deathDay} never holds. */
    public long getDeathDay() {
        return deathDay;
    }

    /** Whether a death date is known. */
    public boolean isDeceased() {
        return deathDay != Long.MAX_VALUE;
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
