package org.fundwatch.model;

import java.time.LocalDate;

/**
 * An operation or procedure of an encounter.
 *
 * @param code 医保版 ICD-9-CM-3 code
 */
public record Procedure(String id, String code, String name, boolean principal, LocalDate date, String surgeonCode,
                        String anaesthesiaMethod) {
}
