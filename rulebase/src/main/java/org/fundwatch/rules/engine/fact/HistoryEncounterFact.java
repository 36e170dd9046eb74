package org.fundwatch.rules.engine.fact;

import org.fundwatch.model.CareSetting;

/**
 * An earlier (or other) encounter of the patient sent with the request: for readmission and frequency checks.
 *
 * @param daysBefore days from this encounter's admission to the current encounter's admission (≥ 0 before it)
 */
public final class HistoryEncounterFact {
    private final String id;
    private final String institutionCode;
    private final CareSetting careSetting;
    private final long admissionDay;
    private final long dischargeDay;
    private final long daysBefore;

    public HistoryEncounterFact(String id, String institutionCode, CareSetting careSetting, long admissionDay,
                                long dischargeDay, long daysBefore) {
        this.id = id;
        this.institutionCode = institutionCode;
        this.careSetting = careSetting;
        this.admissionDay = admissionDay;
        this.dischargeDay = dischargeDay;
        this.daysBefore = daysBefore;
    }

    public String getId() {
        return id;
    }

    public String getInstitutionCode() {
        return institutionCode;
    }

    public CareSetting getCareSetting() {
        return careSetting;
    }

    public boolean isInpatient() {
        return careSetting == CareSetting.INPATIENT;
    }

    public boolean isOutpatient() {
        return careSetting == CareSetting.OUTPATIENT || careSetting == CareSetting.EMERGENCY;
    }

    public boolean isPharmacy() {
        return careSetting == CareSetting.PHARMACY;
    }

    public long getAdmissionDay() {
        return admissionDay;
    }

    /** Epoch day of discharge; -1 when not discharged / not sent. */
    public long getDischargeDay() {
        return dischargeDay;
    }

    public boolean isDischarged() {
        return dischargeDay >= 0;
    }

    public long getDaysBefore() {
        return daysBefore;
    }
}
