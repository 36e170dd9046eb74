package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.Format;
import org.fundwatch.message.Required;

/** {@code fsi_diagnose_dtos[]} of 【3101】/【3102】 (§1.4); Hainan adds {@code dise_cgy}. */
public record AnalysisDiagnosis(
        @JsonProperty("dise_id") String diagnosisId,
        @JsonProperty("inout_dise_type") String admissionOrDischarge,
        @JsonProperty("maindise_flag") Boolean principal,
        @JsonProperty("dias_srt_no") Integer order,
        @JsonProperty("dise_codg") @Required @Format(CodeFormat.DIAGNOSIS) String code,
        @JsonProperty("dise_name") String name,
        @JsonProperty("dise_date") LocalDateTime time,
        @JsonProperty("dise_cgy") String category) {
}
