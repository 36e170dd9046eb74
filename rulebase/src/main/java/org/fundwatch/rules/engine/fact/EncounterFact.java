package org.fundwatch.rules.engine.fact;

import java.util.List;
import org.fundwatch.model.CareSetting;

/**
 * The encounter being checked.
 *
 * @param institutionLevel 1–3 from the knowledge pack's registry, else from the message's medins_lv; 0 unknown
 * @param admissionDay     epoch day of admission (or of the first line when none was sent)
 * @param dischargeDay     epoch day of discharge, or -1 while open
 * @param reportedTotalFen the total the HIS reported (medfee_sumamt), -1 when not sent or zero
 */
public final class EncounterFact {
    private final String id;
    private final String institutionCode;
    private final int institutionLevel;
    private final CareSetting careSetting;
    private final String medType;
    private final String insuranceType;
    private final boolean internet;
    private final long admissionDay;
    private final long dischargeDay;
    private final String doctorCode;
    private final List<String> diagnosisCodes;
    private final long reportedTotalFen;
    private final long lineTotalFen;

    public EncounterFact(String id, String institutionCode, int institutionLevel, CareSetting careSetting, String medType,
                         String insuranceType, boolean internet, long admissionDay, long dischargeDay, String doctorCode,
                         List<String> diagnosisCodes, long reportedTotalFen, long lineTotalFen) {
        this.id = id;
        this.institutionCode = institutionCode;
        this.institutionLevel = institutionLevel;
        this.careSetting = careSetting;
        this.medType = medType;
        this.insuranceType = insuranceType;
        this.internet = internet;
        this.admissionDay = admissionDay;
        this.dischargeDay = dischargeDay;
        this.doctorCode = doctorCode;
        this.diagnosisCodes = diagnosisCodes;
        this.reportedTotalFen = reportedTotalFen;
        this.lineTotalFen = lineTotalFen;
    }

    public String getId() {
        return id;
    }

    public String getInstitutionCode() {
        return institutionCode;
    }

    public int getInstitutionLevel() {
        return institutionLevel;
    }

    public CareSetting getCareSetting() {
        return careSetting;
    }

    /** The setting as the knowledge points name it: 住院, 门诊, 急诊, 药店, 互联网, 其他. */
    public String getCareSettingLabel() {
        return switch (careSetting) {
            case INPATIENT -> "住院";
            case OUTPATIENT -> "门诊";
            case EMERGENCY -> "急诊";
            case PHARMACY -> "药店";
            case INTERNET -> "互联网";
            case OTHER -> "其他";
        };
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

    public String getMedType() {
        return medType;
    }

    public String getInsuranceType() {
        return insuranceType;
    }

    public boolean isInternet() {
        return internet;
    }

    public long getAdmissionDay() {
        return admissionDay;
    }

    public long getDischargeDay() {
        return dischargeDay;
    }

    public boolean isDischarged() {
        return dischargeDay >= 0;
    }

    public String getDoctorCode() {
        return doctorCode;
    }

    public List<String> getDiagnosisCodes() {
        return diagnosisCodes;
    }

    public boolean isDiagnosed() {
        return !diagnosisCodes.isEmpty();
    }

    /** Whether a diagnosis of the encounter starts with one of {@code prefixes}. */
    public boolean anyDiagnosisStartsWith(List<String> prefixes) {
        for (String code : diagnosisCodes) {
            for (String prefix : prefixes) {
                if (code.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    public long getReportedTotalFen() {
        return reportedTotalFen;
    }

    public long getLineTotalFen() {
        return lineTotalFen;
    }
}
