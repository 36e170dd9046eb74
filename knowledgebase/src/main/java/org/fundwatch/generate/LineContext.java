package org.fundwatch.generate;

/**
 * The facts of an encounter that the restriction tables test a fee line against.
 *
 * @param gender           national gender code of the patient (1 male, 2 female)
 * @param ageDays          the patient's age in days on the fee date
 * @param insuranceType    national insutype (310, 390, …)
 * @param inpatient        whether the line belongs to an inpatient stay
 * @param institutionLevel level of the institution (1–3; 0 for pharmacies / ungraded)
 * @param internet         whether the line belongs to an internet visit
 */
public record LineContext(String gender, long ageDays, String insuranceType, boolean inpatient,
                          int institutionLevel, boolean internet) {
}
