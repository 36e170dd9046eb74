package org.fundwatch.model;

import org.fundwatch.codes.ListCodeKind;

/** The catalogue a fee line belongs to, per the national {@code hilist_type}/{@code list_type} dictionary. */
public enum ListType {
    /** 101 西药中成药. */
    DRUG("101"),
    /** 102 中药饮片. */
    TCM_PIECE("102"),
    /** 103 自制剂. */
    IN_HOUSE_PREPARATION("103"),
    /** 104 民族药. */
    ETHNIC_MEDICINE("104"),
    /** 106 中药颗粒. */
    TCM_GRANULE("106"),
    /** 201 医疗服务项目. */
    SERVICE_ITEM("201"),
    /** 301 医用耗材. */
    CONSUMABLE("301"),
    /** 105 其他, 501, and unknown codes. */
    OTHER("105");

    private final String code;
    /** A medicine of any kind; a field, so that {@link #isMedicine()} stays small enough for the JIT to inline anywhere. */
    private final boolean medicine;

    ListType(String code) {
        this.code = code;
        this.medicine = code.startsWith("10") && !code.equals("105");
    }

    /** The national code. */
    public String code() {
        return code;
    }

    /** Whether the line is a medicine of any kind. */
    public boolean isMedicine() {
        return medicine; // 101 西药中成药, 102 中药饮片, 103 自制剂, 104 民族药, 106 中药颗粒
    }

    /** The type of a national {@code hilist_type} code; unknown or blank codes are {@link #OTHER}. */
    public static ListType ofCode(String code) {
        if (code != null) {
            for (ListType t : values()) {
                if (t.code.equals(code.strip())) {
                    return t;
                }
            }
        }
        return OTHER;
    }

    /** The type inferred from the shape of a national catalogue code (for 2204/2301, which carry no list type). */
    public static ListType ofItemCode(String itemCode) {
        return ListCodeKind.of(itemCode).map(kind -> switch (kind) {
            case DRUG -> DRUG;
            case SERVICE_ITEM -> SERVICE_ITEM;
            case CONSUMABLE -> CONSUMABLE;
        }).orElse(OTHER);
    }
}
