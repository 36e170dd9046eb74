package org.fundwatch.rules.engine.fact;

/**
 * The CHS-DRG group of an earlier inpatient stay of the patient (history), grouped only when it ended shortly before
 * the current admission (readmission checks).
 *
 * @param daysBeforeAdmission days from that stay's discharge to the current admission
 */
public final class HistoryDrgFact {
    private final String encounterId;
    private final String institutionCode;
    private final String adrg;
    private final String drg;
    private final long daysBeforeAdmission;

    public HistoryDrgFact(String encounterId, String institutionCode, String adrg, String drg, long daysBeforeAdmission) {
        this.encounterId = encounterId;
        this.institutionCode = institutionCode;
        this.adrg = adrg;
        this.drg = drg;
        this.daysBeforeAdmission = daysBeforeAdmission;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public String getInstitutionCode() {
        return institutionCode;
    }

    public String getAdrg() {
        return adrg;
    }

    public String getDrg() {
        return drg;
    }

    public long getDaysBeforeAdmission() {
        return daysBeforeAdmission;
    }
}
