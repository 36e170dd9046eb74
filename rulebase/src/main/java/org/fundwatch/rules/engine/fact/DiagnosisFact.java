package org.fundwatch.rules.engine.fact;

/**
 * A diagnosis of the encounter with the sex and age limits of its ICD-10 category (see
 * {@code org.fundwatch.rules.engine.IcdDemographics}).
 */
public final class DiagnosisFact {
    private final String code;
    private final String name;
    private final String sexOnly;
    private final long ageMinDays;
    private final long ageMaxDays;
    private final String ageText;

    public DiagnosisFact(String code, String name, String sexOnly, long ageMinDays, long ageMaxDays, String ageText) {
        this.code = code;
        this.name = name;
        this.sexOnly = sexOnly;
        this.ageMinDays = ageMinDays;
        this.ageMaxDays = ageMaxDays;
        this.ageText = ageText;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** 1 (male-only category) or 2 (female-only), else null. */
    public String getSexOnly() {
        return sexOnly;
    }

    public boolean isAgeLimited() {
        return ageMinDays >= 0 || ageMaxDays >= 0;
    }

    public boolean outsideAge(long ageDays) {
        return (ageMinDays >= 0 && ageDays < ageMinDays) || (ageMaxDays >= 0 && ageDays >= ageMaxDays);
    }

    /** The age limit in words (e.g. 1岁以下), or null. */
    public String getAgeText() {
        return ageText;
    }
}
