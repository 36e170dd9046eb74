package org.fundwatch.pack;

import java.util.List;

/**
 * An outpatient chronic/special disease (门诊慢特病) with the ICD-10 prefixes that qualify and the longest
 * prescription (weeks) allowed in online follow-up care.
 */
public record ChronicDisease(String mCode, String name, List<String> icd10Prefixes, int maxOnlineWeeks) {
    public ChronicDisease {
        icd10Prefixes = List.copyOf(icd10Prefixes);
    }

    /** Whether {@code icd10Code} qualifies for this disease. */
    public boolean covers(String icd10Code) {
        return icd10Prefixes.stream().anyMatch(icd10Code::startsWith);
    }
}
