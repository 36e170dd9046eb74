package org.fundwatch.rules.engine.fact;

/**
 * A line of another encounter of the patient (history): for repeat prescriptions and second-line evidence. Only the
 * history lines that share an item code or an ATC subgroup ({@link LineFact#getAtcSubgroup()} or
 * {@link LineFact#getSecondLineAtc()}) with a line of the current encounter are inserted: rules join history lines to
 * current lines on one of these keys. A rule that needs other history lines reads {@link HistoryEncounterFact} or a
 * usage window ({@link UsageFact}).
 */
public final class HistoryLineFact {
    private final String encounterId;
    private final String institutionCode;
    private final String lineId;
    private final String itemCode;
    private final String atcSubgroup;
    private final long day;
    private final long coveredFrom;
    private final long coveredTo;

    public HistoryLineFact(String encounterId, String institutionCode, String lineId, String itemCode, long day,
                           long coveredFrom, long coveredTo) {
        this.encounterId = encounterId;
        this.institutionCode = institutionCode;
        this.lineId = lineId;
        this.itemCode = itemCode;
        this.atcSubgroup = LineFact.atcSubgroup(itemCode);
        this.day = day;
        this.coveredFrom = coveredFrom;
        this.coveredTo = coveredTo;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public String getInstitutionCode() {
        return institutionCode;
    }

    public String getLineId() {
        return lineId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getAtcSubgroup() {
        return atcSubgroup;
    }

    public long getDay() {
        return day;
    }

    public long getCoveredFrom() {
        return coveredFrom;
    }

    public long getCoveredTo() {
        return coveredTo;
    }

    public boolean isCoverageKnown() {
        return coveredFrom >= 0 && coveredTo > coveredFrom;
    }
}
