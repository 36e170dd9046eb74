package org.fundwatch.stream.model;

import java.util.ArrayList;

/**
 * An encounter at settlement (2207/2304): the seam for the lake (settled records, Parquet by date). Amounts in fen,
 * times as ISO local date-times (Asia/Shanghai). A Flink POJO.
 */
public final class SettledEncounter {
    public String personNo;
    public String encounterId;
    public String settlementId;
    public String institutionCode;
    public String medType;
    public String settlementTime;
    public long totalFen;
    /** The settlement message as received (all national fields, for the lake). */
    public String settlementPayload;
    public ArrayList<SettledLine> lines = new ArrayList<>();
    /** The assembled encounter ({@code org.fundwatch.history.EncounterJson}): for the gateway's history and the lake. */
    public String encounterJson;
    public long eventTime;

    public SettledEncounter() {
    }

    /** One fee line of a settled encounter. */
    public static final class SettledLine {
        public String lineId;
        public String itemCode;
        public String name;
        public String listType;
        public String quantity;
        public String unitPrice;
        public long amountFen;
        public String time;
        public String doctorCode;
        public String departmentCode;

        public SettledLine() {
        }
    }
}
