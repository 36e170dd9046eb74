package org.fundwatch.rules.engine.fact;

/**
 * A diagnosis of another encounter of the patient (history), e.g. to tell whether a disease treated online was
 * diagnosed offline before.
 *
 * @param daysBefore days from that encounter's start to the current encounter's start (≥ 0 before it)
 * @param internet   whether that encounter was internet care
 */
public final class HistoryDiagnosisFact {
    private final String encounterId;
    private final String code;
    private final long daysBefore;
    private final boolean internet;

    public HistoryDiagnosisFact(String encounterId, String code, long daysBefore, boolean internet) {
        this.encounterId = encounterId;
        this.code = code;
        this.daysBefore = daysBefore;
        this.internet = internet;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public String getCode() {
        return code;
    }

    public long getDaysBefore() {
        return daysBefore;
    }

    public boolean isInternet() {
        return internet;
    }

    /** Whether {@code other} is in the same ICD-10 category (the first three characters, e.g. {@code E11}). */
    public boolean sameCategory(String other) {
        return other != null && code != null && other.length() >= 3 && code.length() >= 3
                && other.regionMatches(0, code, 0, 3);
    }
}
