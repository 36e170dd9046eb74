package org.fundwatch.generate;

import java.util.Map;

/**
 * What one run produced. A <em>record</em> is one message line in {@code messages/}, except that a fee
 * upload (2204/2301) counts as its fee lines instead of as one line: {@code records = messages −
 * feeUploads + feeLines}. That is the unit downstream consumers process one by one.
 *
 * @param messagesByType  message lines per infno, sorted by infno
 * @param encountersByKind encounters per {@link EncounterKind} name
 * @param casesByKind     injected cases per anomaly label
 * @param skippedByKind   cases that could not be injected (missing table or no fitting subject)
 */
public record GenerationSummary(long persons, long encounters, long messages, long feeUploads, long feeLines,
                                Map<String, Long> messagesByType, Map<String, Long> encountersByKind,
                                Map<String, Long> casesByKind, Map<String, Long> skippedByKind) {

    /** Records as defined above. */
    public long records() {
        return messages - feeUploads + feeLines;
    }

    /** Injected cases in total. */
    public long cases() {
        long n = 0;
        for (long v : casesByKind.values()) {
            n += v;
        }
        return n;
    }
}
