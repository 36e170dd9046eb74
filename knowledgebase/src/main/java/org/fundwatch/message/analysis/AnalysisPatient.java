package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.Format;
import org.fundwatch.message.OneOf;
import org.fundwatch.message.Required;

/** {@code patient_dtos[]} of 【3101】/【3102】 (§1.2); Hainan sends {@code encounter_dtos}. */
public record AnalysisPatient(
        @JsonProperty("patn_id") @Required String patientId,
        @JsonProperty("patn_name") String name,
        @JsonProperty("gend") @Required @OneOf({"0", "1", "2", "9"}) String gender,
        @JsonProperty("brdy") @Required LocalDate birthDate,
        @JsonProperty("poolarea") @Format(CodeFormat.ADMIN_DIVISION) String poolingArea,
        @JsonProperty("curr_mdtrt_id") @Required String currentEncounterId,
        @JsonProperty("fsi_encounter_dtos") @JsonAlias("encounter_dtos") @Required List<AnalysisEncounter> encounters,
        @JsonProperty("fsi_his_data_dto") JsonNode hospitalData) {

    public AnalysisPatient {
        encounters = encounters == null ? List.of() : List.copyOf(encounters);
        if (hospitalData != null && (hospitalData.isNull() || hospitalData.isTextual() && hospitalData.asText().isBlank())) {
            hospitalData = null; // most HIS send "" for the node
        }
    }
}
