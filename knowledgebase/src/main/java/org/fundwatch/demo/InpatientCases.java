package org.fundwatch.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.message.admission.AdmissionInput;
import org.fundwatch.message.admission.DischargeInput;
import org.fundwatch.message.admission.DiseaseInfo;

/**
 * Assembles CHS-DRG cases from the inpatient messages: the admission time from 【2401】, the discharge
 * diagnoses (principal first), main operation, department and disposition from 【2402】, sex and birth date
 * from the person registry (【1101】). A production deployment takes diagnoses and procedures from the
 * 医保结算清单 instead; the case shape is the same.
 */
final class InpatientCases {
    /** Sex and birth date of an insured person. */
    record Person(int gender, LocalDate birthDate) {
    }

    private final Map<String, Person> persons;
    private final Map<String, LocalDateTime> admissions = new HashMap<>();

    InpatientCases(Map<String, Person> persons) {
        this.persons = persons;
    }

    void admitted(AdmissionInput admission) {
        // 2401 carries no mdtrt_id in its input (the platform assigns it), so open stays are keyed by person:
        // a person has at most one open inpatient stay.
        admissions.put(admission.admission().personNo(), admission.admission().admissionTime());
    }

    /** The case of a discharge, or empty when the person is unknown (reported by the caller). */
    Optional<DrgCase> discharged(DischargeInput discharge) {
        DischargeInput.Info info = discharge.discharge();
        Person person = persons.get(info.personNo());
        if (person == null) {
            return Optional.empty();
        }
        LocalDate day = info.dischargeTime().toLocalDate();
        LocalDateTime admitted = admissions.remove(info.personNo());
        Integer stay = admitted == null ? null
                : (int) Math.max(1, ChronoUnit.DAYS.between(admitted.toLocalDate(), day));
        int ageDays = (int) ChronoUnit.DAYS.between(person.birthDate(), day);
        int ageYears = person.birthDate().until(day).getYears();
        List<DiseaseInfo> sorted = new ArrayList<>(discharge.diagnoses());
        sorted.sort(Comparator.comparing((DiseaseInfo d) -> !Boolean.TRUE.equals(d.principal()))
                .thenComparing(d -> d.order() == null ? Integer.MAX_VALUE : d.order()));
        List<String> diagnoses = sorted.stream().map(DiseaseInfo::code).toList();
        List<String> procedures = info.operationCode() == null || info.operationCode().isBlank()
                ? List.of() : List.of(info.operationCode());
        return Optional.of(new DrgCase(info.encounterId(), person.gender(), ageYears, ageDays, null,
                info.deptCode(), stay, info.dischargeDisposition(), diagnoses, procedures));
    }
}
