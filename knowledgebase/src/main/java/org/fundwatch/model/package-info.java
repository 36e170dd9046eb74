/**
 * The internal model the engine reasons on, with English names: {@link org.fundwatch.model.Patient},
 * {@link org.fundwatch.model.Encounter} (diagnoses, procedures, {@link org.fundwatch.model.FeeLine}s),
 * {@link org.fundwatch.model.EncounterContext} (a patient's current encounter with history, phase and
 * rule selection) and {@link org.fundwatch.model.Settlement}. Totals are {@link org.fundwatch.model.Money}
 * (long fen); unit prices and quantities are {@code BigDecimal}. Times are Asia/Shanghai local times.
 * Dictionary codes that have no settled national meaning (med_type, insutype, institution level)
 * stay as the national code strings.
 */
package org.fundwatch.model;
