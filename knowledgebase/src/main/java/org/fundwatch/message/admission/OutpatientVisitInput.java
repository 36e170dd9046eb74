package org.fundwatch.message.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.message.Required;

/**
 * The {@code input} node of 【2203】门诊就诊信息上传: {@code mdtrtinfo} + {@code diseinfo[]}. It carries the
 * diagnoses of an outpatient, 门诊慢特病 or internet visit, which rules on diagnoses (sex, age, internet
 * first visits) need. Internet care is flagged in {@code exp_content} ({@code internet_flag},
 * {@code fu_visit_flag}): the interface has no dedicated field and exp_content is the extension slot HIS
 * systems use.
 */
public record OutpatientVisitInput(
        @JsonProperty("mdtrtinfo") @Required Info visit,
        @JsonProperty("diseinfo") List<DiseaseInfo> diagnoses) {

    public OutpatientVisitInput {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** {@code input.mdtrtinfo}: the visit. */
    public record Info(
            @JsonProperty("mdtrt_id") @Required String encounterId,
            @JsonProperty("psn_no") @Required String personNo,
            @JsonProperty("med_type") @Required String medType,
            @JsonProperty("begntime") @Required LocalDateTime beginTime,
            @JsonProperty("main_cond_dscr") String conditionText,
            @JsonProperty("dise_codg") String diseaseCategoryCode,
            @JsonProperty("dise_name") String diseaseCategoryName,
            @JsonProperty("birctrl_type") String birthControlType,
            @JsonProperty("birctrl_matn_date") LocalDate birthControlOrDeliveryDate,
            @JsonProperty("exp_content") JsonNode extension) {
    }
}
