package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.Format;
import org.fundwatch.message.Required;

/** {@code fsi_operation_dtos[]} of 【3101】/【3102】 (§1.6). */
public record AnalysisOperation(
        @JsonProperty("setl_list_oprn_id") @Required String operationId,
        @JsonProperty("oprn_code") @Format(CodeFormat.PROCEDURE) String code,
        @JsonProperty("oprn_name") String name,
        @JsonProperty("main_oprn_flag") Boolean principal,
        @JsonProperty("oprn_date") LocalDate date,
        @JsonProperty("anst_way") String anaesthesiaMethod,
        @JsonProperty("oper_dr_name") String surgeonName,
        @JsonProperty("oper_dr_code") String surgeonCode,
        @JsonProperty("anst_dr_name") String anaesthetistName,
        @JsonProperty("anst_dr_code") String anaesthetistCode) {
}
