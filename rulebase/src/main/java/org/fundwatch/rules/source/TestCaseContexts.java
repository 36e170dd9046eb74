package org.fundwatch.rules.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisPatient;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;

/** Turns a test case's {@code given} (3101 {@code patient_dtos[0]}) and {@code history} into an {@link EncounterContext}. */
public final class TestCaseContexts {
    private TestCaseContexts() {
    }

    /** The context of {@code test}: its patient with the history encounters appended, in the test's phase. */
    public static EncounterContext toContext(RuleTestCase test) {
        ObjectNode patient = test.given().deepCopy();
        JsonNode encounters = patient.get("fsi_encounter_dtos");
        ArrayNode all = encounters instanceof ArrayNode a ? a : patient.putArray("fsi_encounter_dtos");
        test.history().forEach(all::add);
        AnalysisPatient parsed;
        try {
            parsed = NationalJson.mapper().treeToValue(patient, AnalysisPatient.class);
        } catch (Exception e) {
            throw new RulePackException(test.where() + ": given is not a 3101 patient: " + e.getMessage());
        }
        Transaction transaction = test.phase() == org.fundwatch.model.Phase.PRE ? Transaction.PRE_ANALYSIS
                : Transaction.MID_ANALYSIS;
        AnalysisData data = new AnalysisData("rule-test", List.of(parsed), List.of(), null, test.triggerScenario());
        EncounterContext ctx = AnalysisAdapter.toContexts(transaction, data).get(0);
        List<Encounter> contextEncounters = ctx.encounters();
        if (test.internetChannel()) {
            contextEncounters = contextEncounters.stream()
                    .map(e -> e.id().equals(ctx.currentEncounterId()) ? internet(e) : e).toList();
        }
        // die_date is not a 3101 field: the gateway and the stream enrich the patient from the person registry
        // (1101 baseinfo.die_date); a test case states it next to the patient's 3101 fields.
        String deathDate = test.given().path("die_date").asText("");
        var person = deathDate.length() < 10 ? ctx.patient()
                : ctx.patient().withDeathDate(java.time.LocalDate.parse(deathDate.substring(0, 10)));
        return new EncounterContext(person, contextEncounters, ctx.currentEncounterId(), test.phase(),
                ctx.triggerScenario(), ctx.taskId(), ctx.ruleIds());
    }

    /** {@code e} as an internet-hospital gateway hands it over: care setting {@link CareSetting#INTERNET}. */
    private static Encounter internet(Encounter e) {
        return new Encounter(e.id(), e.patientId(), e.institution(), CareSetting.INTERNET, e.medType(), e.insuranceType(),
                e.admissionTime(), e.dischargeTime(), e.admissionDepartmentCode(), e.admissionDepartmentName(),
                e.dischargeDepartmentCode(), e.dischargeDepartmentName(), e.doctorCode(), e.mainDiagnosisCode(),
                e.mainDiagnosisName(), e.diagnoses(), e.procedures(), e.feeLines(), e.totals());
    }
}
