package org.fundwatch.rules.engine;

import java.util.List;

/** Who and what a finding is about. {@code lineIds} is empty for encounter-level findings. */
public record Subject(String patientId, String encounterId, List<String> lineIds, String doctorCode,
                      String institutionCode) {
    public Subject {
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
    }
}
