package org.fundwatch.model;

import java.time.LocalDateTime;

/**
 * A diagnosis of an encounter.
 *
 * @param code      医保版 ICD-10 code (or a local code as sent)
 * @param principal whether it is the main diagnosis
 * @param order     the position (1 = first), or 0 when not sent
 * @param discharge whether it is a discharge diagnosis (false: admission, or not stated)
 */
public record Diagnosis(String code, String name, boolean principal, int order, boolean discharge, LocalDateTime time) {
}
