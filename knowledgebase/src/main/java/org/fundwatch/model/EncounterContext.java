package org.fundwatch.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine evaluates for one patient: the current encounter and the history the HIS sent
 * with it (3101/3102 carry both), the phase, and the rule selection.
 *
 * @param encounters      every encounter of the patient in the request, the current one included
 * @param currentEncounterId the encounter being checked ({@code curr_mdtrt_id})
 * @param triggerScenario national trig_scen (1–10), or null when rules were selected by id
 * @param ruleIds         the rules asked for (empty: all rules of the phase)
 */
public record EncounterContext(
        Patient patient,
        List<Encounter> encounters,
        String currentEncounterId,
        Phase phase,
        String triggerScenario,
        String taskId,
        List<String> ruleIds) {

    public EncounterContext {
        Objects.requireNonNull(patient, "patient");
        encounters = encounters == null ? List.of() : List.copyOf(encounters);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }

    /** The current encounter, if the request contains it. */
    public Optional<Encounter> currentEncounter() {
        return encounters.stream().filter(e -> e.id().equals(currentEncounterId)).findFirst();
    }

    /** The other encounters (history). */
    public List<Encounter> history() {
        return encounters.stream().filter(e -> !e.id().equals(currentEncounterId)).toList();
    }
}
