package org.fundwatch.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit or stay (就诊): where, when, why, and what was charged. Times are Asia/Shanghai local
 * times as the messages carry them.
 *
 * @param medType        national med_type, e.g. {@code 11} general outpatient, {@code 21} general inpatient
 * @param insuranceType  national insutype for this encounter
 * @param dischargeTime  null while the stay is open or for outpatient visits
 * @param totals         the amounts the HIS reported for the encounter (may be zero before settlement)
 */
public record Encounter(
        String id,
        String patientId,
        Institution institution,
        CareSetting careSetting,
        String medType,
        String insuranceType,
        LocalDateTime admissionTime,
        LocalDateTime dischargeTime,
        String admissionDepartmentCode,
        String admissionDepartmentName,
        String dischargeDepartmentCode,
        String dischargeDepartmentName,
        String doctorCode,
        String mainDiagnosisCode,
        String mainDiagnosisName,
        List<Diagnosis> diagnoses,
        List<Procedure> procedures,
        List<FeeLine> feeLines,
        EncounterTotals totals) {

    public Encounter {
        Objects.requireNonNull(id, "id");
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
        feeLines = feeLines == null ? List.of() : List.copyOf(feeLines);
    }

    /** The principal diagnosis: the flagged one, else the main-diagnosis code of the encounter. */
    public Optional<String> principalDiagnosisCode() {
        for (int i = 0, n = diagnoses.size(); i < n; i++) { // a loop: called per rule evaluation
            Diagnosis d = diagnoses.get(i);
            if (d.principal()) {
                return Optional.ofNullable(d.code());
            }
        }
        return Optional.ofNullable(mainDiagnosisCode);
    }

    /** The lines of this request ({@link FeeLine#current()}). */
    public List<FeeLine> currentLines() {
        return feeLines.stream().filter(FeeLine::current).toList();
    }

    /** The sum of the line amounts. */
    public Money feeLinesTotal() {
        return feeLines.stream().map(FeeLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /**
     * Encounter amounts as the HIS reported them in 3101/3102 (total, fully self-paid, co-pay,
     * personal account, medical aid, pooled fund). Null members were not sent.
     */
    public record EncounterTotals(Money total, Money ownPay, Money selfPay, Money accountPay, Money medicalAid,
                                  Money pooledFund, Integer settlementCount) {
    }
}
