package org.fundwatch.stream.model;

/** A fee line an alert is about (ClickHouse {@code alert_details}). Amounts in fen; a Flink POJO. */
public final class AlertLine {
    public String lineId;
    public String prescriptionNo;
    public String itemCode;
    public String name;
    public String quantity;
    public String unitPrice;
    public long amountFen;

    public AlertLine() {
    }
}
