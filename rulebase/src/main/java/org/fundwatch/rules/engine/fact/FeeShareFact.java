package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of one fee category in the current encounter's total (统计指标: 药占比, 检验检查占比, 耗材占比, 治疗占比,
 * CT/核磁检查占比). Categories come from the line's {@code med_chrgitm_type} when sent, else from its list type and
 * national item code (see {@code org.fundwatch.rules.engine.CareFacts}).
 *
 * @param indicator drug, exam, consumable, treatment, ct, mri
 */
public final class FeeShareFact {
    private final String indicator;
    private final String name;
    private final long amountFen;
    private final long totalFen;

    public FeeShareFact(String indicator, String name, long amountFen, long totalFen) {
        this.indicator = indicator;
        this.name = name;
        this.amountFen = amountFen;
        this.totalFen = totalFen;
    }

    public String getIndicator() {
        return indicator;
    }

    public String getName() {
        return name;
    }

    public long getAmountFen() {
        return amountFen;
    }

    public long getTotalFen() {
        return totalFen;
    }

    /** Whether amount / total &gt; {@code share} (0–1) and the total is at least {@code minTotalYuan}. */
    public boolean above(BigDecimal share, long minTotalYuan) {
        return totalFen > 0 && totalFen >= minTotalYuan * 100
                && BigDecimal.valueOf(amountFen).compareTo(share.multiply(BigDecimal.valueOf(totalFen))) > 0;
    }

    /** The share as a percentage with one decimal, for evidence. */
    public String getPercent() {
        return totalFen <= 0 ? "" : BigDecimal.valueOf(amountFen * 100).divide(BigDecimal.valueOf(totalFen), 1,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
