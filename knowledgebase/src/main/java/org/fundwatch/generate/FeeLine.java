package org.fundwatch.generate;

import org.fundwatch.generate.CatalogRecords.PriceKind;

/** One fee line (费用明细) of an encounter. Time is seconds since the first simulated day's midnight. */
public final class FeeLine {
    final String serial;
    final String code;
    final String name;
    final PriceKind kind;
    final String chargeType;
    final String listType;
    final String unit;
    final long priceFen;
    final int count;
    final long totalFen;
    final long time;
    final int supplyDays;
    final CatalogRecords.Doctor doctor;
    final CodeText codeText;
    final DoctorText doctorText;

    FeeLine(String serial, String code, String name, PriceKind kind, CodeText codeText, String unit,
            long priceFen, int count, long time, int supplyDays, CatalogRecords.Doctor doctor, DoctorText doctorText) {
        this.serial = serial;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.chargeType = codeText.chargeType;
        this.listType = codeText.listType;
        this.codeText = codeText;
        this.doctorText = doctorText;
        this.unit = unit;
        this.priceFen = priceFen;
        this.count = count;
        this.totalFen = priceFen * count;
        this.time = time;
        this.supplyDays = supplyDays;
        this.doctor = doctor;
    }

    public String serial() {
        return serial;
    }

    public String code() {
        return code;
    }

    public long time() {
        return time;
    }

    public long totalFen() {
        return totalFen;
    }

    public int count() {
        return count;
    }

    public long priceFen() {
        return priceFen;
    }
}
