package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.fundwatch.message.OneOf;
import org.fundwatch.message.Required;
import org.fundwatch.message.RuleIdsDeserializer;

/**
 * {@code input.data} of 【3101】/【3102】 (field reference §1.1). Either {@code trig_scen} or
 * {@code rule_ids} selects the rules; the validator requires one of them.
 */
public record AnalysisData(
        @JsonProperty("syscode") String callerSystem,
        @JsonProperty("patient_dtos") @Required List<AnalysisPatient> patients,
        @JsonProperty("rule_ids") @JsonDeserialize(using = RuleIdsDeserializer.class) List<String> ruleIds,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("trig_scen") @OneOf({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}) String triggerScenario) {

    public AnalysisData {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }
}
