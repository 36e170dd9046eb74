package org.fundwatch.history;

import org.fundwatch.model.Encounter;

/**
 * An encounter with the version it is written at ({@code patient_history.version}: the highest version of an encounter
 * wins). The version is stamped once, by whoever records the encounter first, and travels with it through write-behind
 * queues, so a replica that holds its own write knows the row it later reads back is the same one.
 */
public record VersionedEncounter(Encounter encounter, long version) {
}
