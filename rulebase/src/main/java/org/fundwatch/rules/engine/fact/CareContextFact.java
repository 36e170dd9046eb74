package org.fundwatch.rules.engine.fact;

import java.time.LocalDateTime;
import org.fundwatch.model.CareSetting;

/**
 * Context of the current encounter that the registries and the history add to {@link EncounterFact}: the principal
 * diagnosis, the institution's registry entry (internet-care qualification and supplementary agreement), the
 * outpatient chronic diseases (门诊慢特病) its diagnoses qualify for, the load of its doctor, totals.
 *
 * @param chronicDiseases   names of the chronic diseases of the pack's catalogue a diagnosis qualifies for, "、"-joined;
 *                          empty when none
 * @param onlineLimitWeeks  the longest online prescription those chronic diseases allow (weeks); 0 when none
 * @param doctorHourCount   encounters (this one included) that the encounter's doctor received in the clock hour of
 *                          this encounter's start, counted over the encounters of the request; 0 when unknown. The
 *                          streaming job keys a second stream by doctor, so there the request carries the doctor's
 *                          encounters; in a per-patient request only the patient's own visits count.
 * @param totalFen          the reported total when sent, else the sum of the lines
 * @param surgeryDay        epoch day of the latest dated procedure (手术操作日期); -1 when none is dated
 */
public final class CareContextFact {
    private final String encounterId;
    private final CareSetting careSetting;
    private final boolean internet;
    private final String medType;
    private final LocalDateTime startTime;
    private final String principalDiagnosisCode;
    private final int procedureCount;
    private final long lengthOfStayDays;
    private final long totalFen;
    private final long medicineFen;
    private final boolean institutionRegistered;
    private final String institutionType;
    private final boolean internetQualified;
    private final boolean supplementaryAgreement;
    private final String chronicDiseases;
    private final int onlineLimitWeeks;
    private final String doctorCode;
    private final int doctorHourCount;
    private final long surgeryDay;

    public CareContextFact(String encounterId, CareSetting careSetting, boolean internet, String medType,
                           LocalDateTime startTime, String principalDiagnosisCode, int procedureCount,
                           long lengthOfStayDays, long totalFen, long medicineFen, boolean institutionRegistered,
                           String institutionType, boolean internetQualified, boolean supplementaryAgreement,
                           String chronicDiseases, int onlineLimitWeeks, String doctorCode, int doctorHourCount,
                           long surgeryDay) {
        this.encounterId = encounterId;
        this.careSetting = careSetting;
        this.internet = internet;
        this.medType = medType;
        this.startTime = startTime;
        this.principalDiagnosisCode = principalDiagnosisCode;
        this.procedureCount = procedureCount;
        this.lengthOfStayDays = lengthOfStayDays;
        this.totalFen = totalFen;
        this.medicineFen = medicineFen;
        this.institutionRegistered = institutionRegistered;
        this.institutionType = institutionType;
        this.internetQualified = internetQualified;
        this.supplementaryAgreement = supplementaryAgreement;
        this.chronicDiseases = chronicDiseases;
        this.onlineLimitWeeks = onlineLimitWeeks;
        this.doctorCode = doctorCode;
        this.doctorHourCount = doctorHourCount;
        this.surgeryDay = surgeryDay;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public boolean isInternet() {
        return internet;
    }

    public boolean isEmergency() {
        return careSetting == CareSetting.EMERGENCY;
    }

    public String getMedType() {
        return medType;
    }

    /** 门诊慢特病 (med_type 14…). */
    public boolean isChronicCareVisit() {
        return medType != null && medType.startsWith("14");
    }

    public LocalDateTime getStartTime() {
        return startTime;
    }

    public String getPrincipalDiagnosisCode() {
        return principalDiagnosisCode;
    }

    public boolean isPrincipalStartsWithAny(java.util.List<String> prefixes) {
        return principalDiagnosisCode != null && prefixes.stream().anyMatch(principalDiagnosisCode::startsWith);
    }

    public int getProcedureCount() {
        return procedureCount;
    }

    /** Days between admission and discharge (a same-day stay is 0); -1 while open or unknown. */
    public long getLengthOfStayDays() {
        return lengthOfStayDays;
    }

    public long getTotalFen() {
        return totalFen;
    }

    public long getMedicineFen() {
        return medicineFen;
    }

    public boolean isInstitutionRegistered() {
        return institutionRegistered;
    }

    public String getInstitutionType() {
        return institutionType;
    }

    public boolean isInternetQualified() {
        return internetQualified;
    }

    public boolean isSupplementaryAgreement() {
        return supplementaryAgreement;
    }

    public String getChronicDiseases() {
        return chronicDiseases;
    }

    /** Whether a diagnosis qualifies for a chronic disease of the catalogue. */
    public boolean isChronic() {
        return !chronicDiseases.isEmpty();
    }

    public int getOnlineLimitWeeks() {
        return onlineLimitWeeks;
    }

    /** The longest online prescription in days: the chronic diseases' limit, else {@code defaultWeeks}. */
    public long onlineLimitDays(long defaultWeeks) {
        return 7L * (onlineLimitWeeks > 0 ? Math.max(onlineLimitWeeks, defaultWeeks) : defaultWeeks);
    }

    /** The longest offline outpatient prescription in days for this visit (emergency, chronic or general). */
    public long offlineLimitDays(long emergencyDays, long generalDays, long chronicDays) {
        if (isChronic() || isChronicCareVisit()) {
            return chronicDays;
        }
        return isEmergency() ? emergencyDays : generalDays;
    }

    public String getDoctorCode() {
        return doctorCode;
    }

    public int getDoctorHourCount() {
        return doctorHourCount;
    }

    public long getSurgeryDay() {
        return surgeryDay;
    }
}
