package org.fundwatch.generate;

/** The care settings the generator simulates, with their national 医疗类别 (med_type) and 清算类别. */
public enum EncounterKind {
    /** 普通门诊. */
    OUTPATIENT("11", "11"),
    /** 门诊慢特病. */
    CHRONIC("14", "11"),
    /** 互联网复诊 (an outpatient visit at an internet-qualified hospital; flagged in exp_content). */
    INTERNET("11", "11"),
    /** 定点药店购药. */
    PHARMACY("41", "41"),
    /** 普通住院. */
    INPATIENT("21", "21");

    private final String medType;
    private final String clearingType;

    EncounterKind(String medType, String clearingType) {
        this.medType = medType;
        this.clearingType = clearingType;
    }

    public String medType() {
        return medType;
    }

    public String clearingType() {
        return clearingType;
    }

    public boolean inpatient() {
        return this == INPATIENT;
    }
}
