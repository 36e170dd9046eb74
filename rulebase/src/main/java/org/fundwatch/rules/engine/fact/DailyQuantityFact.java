package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.util.List;

/** The quantity of one medical consumable charged on one day of the current encounter (current lines only). */
public final class DailyQuantityFact {
    private final String itemCode;
    private final String name;
    private final long day;
    private final BigDecimal quantity;
    private final List<String> lineIds;
    private final long amountFen;
    private final String doctorCode;

    public DailyQuantityFact(String itemCode, String name, long day, BigDecimal quantity, List<String> lineIds,
                             long amountFen, String doctorCode) {
        this.itemCode = itemCode;
        this.name = name;
        this.day = day;
        this.quantity = quantity;
        this.lineIds = List.copyOf(lineIds);
        this.amountFen = amountFen;
        this.doctorCode = doctorCode;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getName() {
        return name;
    }

    public long getDay() {
        return day;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public boolean exceeds(long max) {
        return quantity.compareTo(BigDecimal.valueOf(max)) > 0;
    }

    public List<String> getLineIds() {
        return lineIds;
    }

    public long getAmountFen() {
        return amountFen;
    }

    public String getDoctorCode() {
        return doctorCode;
    }
}
