package org.fundwatch.pack;

import java.util.List;

/**
 * A drug paid only for its listed indications (药品限适应症). {@code icd10Prefixes} are the ICD-10 category
 * prefixes the indication text was mapped to (empty when not mapped: the rule then needs manual review).
 */
public record DrugIndication(String drugCode, String genericName, String indicationText, List<String> icd10Prefixes,
                             String source) {
    public DrugIndication {
        icd10Prefixes = List.copyOf(icd10Prefixes);
    }

    /** Whether {@code icd10Code} (e.g. {@code E11.900}) falls under one of the mapped prefixes. */
    public boolean covers(String icd10Code) {
        return icd10Prefixes.stream().anyMatch(icd10Code::startsWith);
    }
}
