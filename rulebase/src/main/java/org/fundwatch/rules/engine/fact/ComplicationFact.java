package org.fundwatch.rules.engine.fact;

/**
 * A secondary diagnosis of the current inpatient encounter that is a CC/MCC of CHS-DRG 1.1 (5_MCC / 6_CC) and
 * decides the group: grouping the encounter without it gives another DRG ({@link #getDrgWithout()}).
 *
 * @param standardWithoutFen the city's payment standard of the DRG without this diagnosis; -1 when unknown
 * @param standardWithFen    the payment standard of the DRG with it; -1 when unknown
 */
public final class ComplicationFact {
    private final String code;
    private final String name;
    private final String drgWith;
    private final String drgWithout;
    private final long standardWithFen;
    private final long standardWithoutFen;
    private final long totalFen;

    public ComplicationFact(String code, String name, String drgWith, String drgWithout, long standardWithFen,
                            long standardWithoutFen, long totalFen) {
        this.code = code;
        this.name = name;
        this.drgWith = drgWith;
        this.drgWithout = drgWithout;
        this.standardWithFen = standardWithFen;
        this.standardWithoutFen = standardWithoutFen;
        this.totalFen = totalFen;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDrgWith() {
        return drgWith;
    }

    public String getDrgWithout() {
        return drgWithout;
    }

    public long getStandardWithFen() {
        return standardWithFen;
    }

    public long getStandardWithoutFen() {
        return standardWithoutFen;
    }

    public long getTotalFen() {
        return totalFen;
    }

    /** The payment the complication adds: standard with it − standard without it (fen), 0 when unknown or lower. */
    public long getUpliftFen() {
        return standardWithFen > 0 && standardWithoutFen > 0 ? Math.max(0, standardWithFen - standardWithoutFen) : 0;
    }

    /**
     * Whether the charges show no extra resource use for the complication: both standards are known, the
     * complication raises the payment, and the encounter's total is not above the standard of the DRG it would
     * have had without it.
     */
    public boolean isUnsupportedByCharges() {
        return getUpliftFen() > 0 && totalFen <= standardWithoutFen;
    }
}
