package org.fundwatch.message.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import org.fundwatch.message.Required;

/**
 * {@code diseinfo[]} of 【2401】/【2402】 (§4.8): one diagnosis. {@code diag_type} 1 = Western,
 * 2 = TCM main disease, 3 = TCM main syndrome; TCM codes are not ICD-10, so the code format is not
 * checked here.
 */
public record DiseaseInfo(
        @JsonProperty("psn_no") String personNo,
        @JsonProperty("diag_type") String diagnosisType,
        @JsonProperty("maindiag_flag") Boolean principal,
        @JsonProperty("diag_srt_no") Integer order,
        @JsonProperty("diag_code") @Required String code,
        @JsonProperty("diag_name") String name,
        @JsonProperty("adm_cond") String admissionCondition,
        @JsonProperty("diag_dept") String department,
        @JsonProperty("dise_dor_no") String doctorCode,
        @JsonProperty("dise_dor_name") String doctorName,
        @JsonProperty("diag_time") LocalDateTime time) {
}
