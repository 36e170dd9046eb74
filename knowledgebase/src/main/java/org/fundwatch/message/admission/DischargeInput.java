package org.fundwatch.message.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.message.Required;

/** The {@code input} node of 【2402】出院办理 (§4.9): {@code dscginfo} + {@code diseinfo[]}. */
public record DischargeInput(
        @JsonProperty("dscginfo") @Required Info discharge,
        @JsonProperty("diseinfo") List<DiseaseInfo> diagnoses) {

    public DischargeInput {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** {@code input.dscginfo}: the discharge. */
    public record Info(
            @JsonProperty("mdtrt_id") @Required String encounterId,
            @JsonProperty("psn_no") @Required String personNo,
            @JsonProperty("insutype") String insuranceType,
            @JsonProperty("endtime") @Required LocalDateTime dischargeTime,
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
            @JsonProperty("cop_flag") Boolean withComplication,
            @JsonProperty("dscg_dept_codg") String deptCode,
            @JsonProperty("dscg_dept_name") String deptName,
            @JsonProperty("dscg_bed") String bed,
            @JsonProperty("dscg_way") String dischargeDisposition,
            @JsonProperty("die_date") LocalDate deathDate) {
    }
}
