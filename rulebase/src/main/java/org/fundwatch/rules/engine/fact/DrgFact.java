package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The CHS-DRG 1.1 group of the current inpatient encounter (grouped once during enrichment, only for a discharged
 * stay in the mid and post phases) with the city's payment standard from the knowledge pack's {@code drg_payment}.
 *
 * @param city        the payment table's city (pinyin slug) of the institution's region, or null when the pack has
 *                    no table for it
 * @param standardFen the payment standard of the DRG in the city at the institution's level; -1 when unknown
 * @param totalFen    the encounter's total (reported, else the sum of its lines)
 */
public final class DrgFact {
    private final String encounterId;
    private final String mdc;
    private final String adrg;
    private final String drg;
    private final String drgName;
    private final boolean grouped;
    private final boolean ambiguous;
    private final String reason;
    private final String city;
    private final long standardFen;
    private final long totalFen;

    public DrgFact(String encounterId, String mdc, String adrg, String drg, String drgName, boolean grouped,
                   boolean ambiguous, String reason, String city, long standardFen, long totalFen) {
        this.encounterId = encounterId;
        this.mdc = mdc;
        this.adrg = adrg;
        this.drg = drg;
        this.drgName = drgName;
        this.grouped = grouped;
        this.ambiguous = ambiguous;
        this.reason = reason;
        this.city = city;
        this.standardFen = standardFen;
        this.totalFen = totalFen;
    }

    public String getEncounterId() {
        return encounterId;
    }

    public String getMdc() {
        return mdc;
    }

    public String getAdrg() {
        return adrg;
    }

    public String getDrg() {
        return drg;
    }

    public String getDrgName() {
        return drgName;
    }

    public boolean isGrouped() {
        return grouped;
    }

    /** 歧义组 (xQY): principal diagnosis and principal procedure do not match within the MDC. */
    public boolean isAmbiguous() {
        return ambiguous;
    }

    public String getReason() {
        return reason;
    }

    public String getCity() {
        return city;
    }

    public long getStandardFen() {
        return standardFen;
    }

    public boolean isStandardKnown() {
        return standardFen > 0;
    }

    public long getTotalFen() {
        return totalFen;
    }

    /** Whether total &gt; {@code multiple} × standard (a standard must be known). */
    public boolean ratioAbove(BigDecimal multiple) {
        return standardFen > 0 && BigDecimal.valueOf(totalFen).compareTo(multiple.multiply(BigDecimal.valueOf(standardFen))) > 0;
    }

    /** Whether total &lt; {@code multiple} × standard (a standard must be known). */
    public boolean ratioBelow(BigDecimal multiple) {
        return standardFen > 0 && BigDecimal.valueOf(totalFen).compareTo(multiple.multiply(BigDecimal.valueOf(standardFen))) < 0;
    }

    /** total / standard to two decimals, for evidence; empty when no standard. */
    public String getCostRatio() {
        return standardFen > 0 ? BigDecimal.valueOf(totalFen).divide(BigDecimal.valueOf(standardFen), 2,
                RoundingMode.HALF_UP).toPlainString() : "";
    }

    /** A fen amount in yuan with two decimals, for evidence. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
