package org.fundwatch.message.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.message.Required;

/** The {@code input} node of 【2401】入院办理 (§4.8): {@code mdtrtinfo} + {@code diseinfo[]}. */
public record AdmissionInput(
        @JsonProperty("mdtrtinfo") @Required Info admission,
        @JsonProperty("diseinfo") List<DiseaseInfo> diagnoses) {

    public AdmissionInput {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** {@code input.mdtrtinfo}: the admission. */
    public record Info(
            @JsonProperty("psn_no") @Required String personNo,
            @JsonProperty("insutype") String insuranceType,
            @JsonProperty("coner_name") String contactName,
            @JsonProperty("tel") String contactPhone,
            @JsonProperty("begntime") @Required LocalDateTime admissionTime,
            @JsonProperty("mdtrt_cert_type") String credentialType,
            @JsonProperty("mdtrt_cert_no") String credentialNo,
            @JsonProperty("med_type") @Required String medType,
            @JsonProperty("ipt_no") String inpatientNo,
            @JsonProperty("medrcdno") String medicalRecordNo,
            @JsonProperty("atddr_no") String attendingDoctorCode,
            @JsonProperty("chfpdr_name") String attendingDoctorName,
            @JsonProperty("adm_diag_dscr") String admissionDiagnosisText,
            @JsonProperty("adm_dept_codg") String deptCode,
            @JsonProperty("adm_dept_name") String deptName,
            @JsonProperty("adm_bed") String bed,
            @JsonProperty("dscg_maindiag_code") String mainDiagnosisCode,
            @JsonProperty("dscg_maindiag_name") String mainDiagnosisName,
            @JsonProperty("main_cond_dscr") String conditionText,
            @JsonProperty("dise_codg") String diseaseCategoryCode,
            @JsonProperty("dise_name") String diseaseCategoryName,
            @JsonProperty("oprn_oprt_code") String operationCode,
            @JsonProperty("oprn_oprt_name") String operationName,
            @JsonProperty("fpsc_no") String familyPlanningCertificateNo,
            @JsonProperty("matn_type") String maternityType,
            @JsonProperty("birctrl_type") String birthControlType,
            @JsonProperty("latechb_flag") Boolean lateChildbirth,
            @JsonProperty("geso_val") BigDecimal gestationWeeks,
            @JsonProperty("fetts") Integer parity,
            @JsonProperty("fetus_cnt") Integer fetusCount,
            @JsonProperty("pret_flag") Boolean preterm,
            @JsonProperty("birctrl_matn_date") LocalDate birthControlOrDeliveryDate,
            @JsonProperty("dise_type_code") String diseaseTypeCode) {
    }
}
