package org.fundwatch.generate;

import java.util.Locale;

/**
 * The kinds of labelled cases the generator injects, each with the national rule class it
 * exemplifies and the official rule code (两库框架 1.0 GZ… code; null where the rule is new in the
 * 2025 catalogue without a 1.0 code or is not a catalogue rule). Thresholds the cases exceed:
 * split admission — readmission 1–14 days after discharge; frequent outpatient — 8+ visits in 7 days;
 * frequent pharmacy — 8+ purchases in 7 days; impossible volume — 61+ consultations of one doctor in
 * one clock hour; high / low cost ratio — total ≥ 3× / ≤ 0.3× the city's DRG payment standard.
 * Normal data stays far from each threshold (see {@link NormalPlanner}).
 */
public enum AnomalyKind {
    DRUG_GENDER("药品区分性别使用", "GZ10000301004000"),
    ITEM_GENDER("医疗服务项目区分性别使用", "GZ10000302004000"),
    DRUG_AGE("药品儿童专用", "GZ10000301002000"),
    ITEM_AGE("医疗服务项目儿童专用", "GZ10000302003000"),
    DRUG_INSURANCE_TYPE("药品限工伤保险", "GZ10000101001000"),
    DRUG_CARE_SETTING("药品限就医方式", null),
    DRUG_INSTITUTION_LEVEL("药品限医疗机构级别", "GZ10000101012000"),
    DRUG_PAYMENT_COURSE("药品限支付疗程", "GZ10000101010000"),
    SECONDARY_SURGERY("手术项目未按规定折价收费", "GZ10000102002000"),
    ITEM_PERIOD("医疗服务项目周期超频次", null),
    ITEM_COURSE("医疗服务项目限支付疗程", "GZ10000102010000"),
    DUPLICATE_CHARGE("医疗服务项目重复收费", "GZ10000102012000"),
    ITEM_FREQUENCY("医疗服务项目限定频次", "GZ10000102014000"),
    SPLIT_ADMISSION("分解住院", "GZ10000204001000"),
    FREQUENT_OUTPATIENT("频繁门诊", "GZ10000204002000"),
    FREQUENT_PHARMACY("频繁购药", "GZ10000204003000"),
    OVERLAPPING_PRESCRIPTION("重复开药", "GZ10000301006000"),
    INPATIENT_OVERLAP("住院期间发生门诊或互联网诊疗费用", null),
    DRG_UPCODING("疾病诊断编码异常", "GZ10000201003000"),
    HIGH_COST_RATIO("DRG高倍率病例", null),
    LOW_COST_RATIO("DRG低倍率病例", null),
    INTERNET_RESTRICTED_DRUG("超互联网医院药品支付范围", null),
    INTERNET_FIRST_VISIT("互联网首诊按复诊结算", null),
    DOCTOR_VOLUME("医师单位时间接诊量异常", null),
    SERVICE_AFTER_DEATH("参保人死亡后发生医疗费用", null);

    private final String ruleClass;
    private final String gzCode;

    AnomalyKind(String ruleClass, String gzCode) {
        this.ruleClass = ruleClass;
        this.gzCode = gzCode;
    }

    /** The national rule class (Chinese, as in the rule catalogue). */
    public String ruleClass() {
        return ruleClass;
    }

    /** The official 1.0 rule code, or null. */
    public String gzCode() {
        return gzCode;
    }

    /** The label written to ground-truth.jsonl, e.g. {@code drug_gender}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
