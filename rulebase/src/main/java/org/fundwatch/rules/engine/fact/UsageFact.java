package org.fundwatch.rules.engine.fact;

import java.util.List;

/**
 * How much of a restricted code was used in one window, aggregated in Java from the encounter's lines and history
 * (only for codes with a frequency, period or course limit, and only windows that contain a current line). The rule
 * compares {@link #getMeasured()} with {@link #getLimit()}.
 *
 * @param kind     {@code item-frequency} (count per 日/小时), {@code item-period} (count within period_days),
 *                 {@code item-course-days} (distinct days used), {@code item-course-interval} (shortest gap between
 *                 uses, in days; fires when below the limit), {@code drug-course} (days covered)
 * @param window   the window in words (e.g. {@code 2025-06-14}, {@code 2025-06-14 10时}, {@code 30天})
 * @param lineIds  the current lines in the window
 */
public final class UsageFact {
    private final String kind;
    private final String itemCode;
    private final String itemName;
    private final String window;
    private final long measured;
    private final long limit;
    private final List<String> lineIds;
    private final long amountFen;
    private final String doctorCode;

    public UsageFact(String kind, String itemCode, String itemName, String window, long measured, long limit,
                     List<String> lineIds, long amountFen, String doctorCode) {
        this.kind = kind;
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.window = window;
        this.measured = measured;
        this.limit = limit;
        this.lineIds = List.copyOf(lineIds);
        this.amountFen = amountFen;
        this.doctorCode = doctorCode;
    }

    public String getKind() {
        return kind;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getItemName() {
        return itemName;
    }

    public String getWindow() {
        return window;
    }

    public long getMeasured() {
        return measured;
    }

    public long getLimit() {
        return limit;
    }

    public List<String> getLineIds() {
        return lineIds;
    }

    /** Amount of the current lines in the window, in fen. */
    public long getAmountFen() {
        return amountFen;
    }

    public String getDoctorCode() {
        return doctorCode;
    }
}
