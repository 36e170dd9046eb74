package org.fundwatch.rules.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fundwatch.model.Phase;

/**
 * One test case of {@code tests/<rule_id>.yaml}.
 *
 * @param given    the patient in the national 3101 shape ({@code patient_dtos[0]}: patn_id, gend, brdy,
 *                 curr_mdtrt_id, fsi_encounter_dtos …), plus optionally {@code die_date} — the person registry's death
 *                 date (1101 baseinfo), which callers of the engine add to the patient
 * @param history  further encounters ({@code fsi_encounter_dtos} entries) appended to the patient's encounters
 * @param triggerScenario optional trig_scen; default: none (every scene)
 * @param fires    whether the rule must produce a finding
 * @param lineIds  the line ids the findings must name (empty: not checked)
 * @param channel  the channel the request arrived through: null (the ordinary gateway) or {@code internet} (an
 *                 internet-hospital gateway, which marks the current encounter as internet care — the national
 *                 message has no field for it, see {@code CareSetting.INTERNET})
 */
public record RuleTestCase(String ruleId, String name, String file, int line, JsonNode given, List<JsonNode> history,
                           Phase phase, String triggerScenario, boolean fires, List<String> lineIds,
                           String channel) {
    public RuleTestCase {
        history = history == null ? List.of() : List.copyOf(history);
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
    }

    /** A case received through the ordinary gateway. */
    public RuleTestCase(String ruleId, String name, String file, int line, JsonNode given, List<JsonNode> history,
                        Phase phase, String triggerScenario, boolean fires, List<String> lineIds) {
        this(ruleId, name, file, line, given, history, phase, triggerScenario, fires, lineIds, null);
    }

    /** Whether the request arrived through an internet-hospital gateway. */
    public boolean internetChannel() {
        return "internet".equals(channel);
    }

    /** {@code file:line (name)} for messages. */
    public String where() {
        return file + ":" + line + " (" + name + ")";
    }
}
