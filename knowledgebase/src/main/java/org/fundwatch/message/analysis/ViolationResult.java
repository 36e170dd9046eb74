package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.fundwatch.message.Required;

/**
 * One violation of a 【3101】/【3102】 response, {@code output.result[]} (§1.7), with its details
 * nested ({@code judge_result_detail_dtos}). Build with {@link #builder()}.
 */
public record ViolationResult(
        @JsonProperty("jr_id") @Required String resultId,
        @JsonProperty("rule_id") @Required String ruleId,
        @JsonProperty("rule_name") @Required String ruleName,
        @JsonProperty("vola_cont") @Required String content,
        @JsonProperty("patn_id") @Required String patientId,
        @JsonProperty("mdtrt_id") String encounterId,
        @JsonProperty("judge_result_detail_dtos") List<ViolationDetail> details,
        @JsonProperty("vola_amt") @Required BigDecimal amount,
        @JsonProperty("vola_amt_stas") String amountStatus,
        @JsonProperty("sev_deg") String severity,
        @JsonProperty("vola_evid") String basis,
        @JsonProperty("vola_bhvr_type") String behaviourType,
        @JsonProperty("task_id") String taskId) {

    public ViolationResult {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A builder for a result. */
    public static ViolationResultBuilder builder() {
        return new ViolationResultBuilder();
    }
}
