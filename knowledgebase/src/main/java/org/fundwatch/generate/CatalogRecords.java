package org.fundwatch.generate;

import java.math.BigDecimal;
import java.util.List;

/**
 * The typed rows the generator reads from a knowledge pack. Each record mirrors one table of
 * {@code docs/knowledge-pack.md}; codes are national codes, money is long fen.
 */
public final class CatalogRecords {
    private CatalogRecords() {
    }

    /**
     * A designated institution (hospital, clinic, internet hospital or pharmacy); level 1–3, 0 for
     * pharmacies/无等级; {@code type} as the registry gives it (综合医院, 互联网医院, 定点药店 …).
     */
    public record Institution(String code, String name, String admdvs, int level, String type, boolean pharmacy,
                              boolean internetQualified) {
        // internetQualified: may bill internet care (qualification and supplementary agreement both present)
        /** Whether patients are seen in person here (an internet-only hospital has no offline clinic). */
        public boolean offline() {
            return !pharmacy && (type == null || !type.contains("互联网"));
        }
    }

    /** A doctor registered at an institution; {@code titleCode} is the national 231–235 title code. */
    public record Doctor(String code, String name, String institutionCode, String deptCode, String deptName,
                         String titleCode) {
    }

    /** Kind of a priced catalogue entry. */
    public enum PriceKind { DRUG, ITEM, CONSUMABLE }

    /** A price list entry (synthetic in the shipped pack); prices in fen. */
    public record PriceEntry(String code, PriceKind kind, String name, String unit, long priceFen, long capFen) {
    }

    /** A code with its name (diagnosis, restricted drug, MCC …). */
    public record CodeName(String code, String name) {
    }

    /** drug_gender / item_gender: the code may be used only for {@code gender} (1 male, 2 female). */
    public record GenderRule(String code, String name, String gender, String constraintText) {
    }

    /** drug_age / item_age: allowed ages in days, {@code [minAgeDays, maxAgeDays)}; -1 means open. */
    public record AgeRule(String code, String name, String target, long minAgeDays, long maxAgeDays,
                          String constraintText) {
        /** Whether a person of {@code ageDays} may use the code. */
        public boolean allows(long ageDays) {
            return (minAgeDays < 0 || ageDays >= minAgeDays) && (maxAgeDays < 0 || ageDays < maxAgeDays);
        }
    }

    /** drug_insurance_type: usable only under 工伤 or 生育 insurance. */
    public record InsuranceTypeRule(String code, String name, String insuranceType, String constraintText) {
    }

    /** drug_care_setting: usable only in the given care setting (住院). */
    public record CareSettingRule(String code, String name, String careSetting, String constraintText) {
    }

    /** drug_institution_level: usable only at institutions of level {@code minLevel} or higher. */
    public record LevelRule(String code, String name, int minLevel, String constraintText) {
    }

    /** drug_payment_course: paid for at most {@code maxDays} days. */
    public record CourseRule(String code, String name, int maxDays, String constraintText) {
    }

    /** duplicate_charge: main and sub item must not both be charged within the frequency window. */
    public record DuplicatePair(int pairNo, String frequency, String mainCode, String mainName, String subCode,
                                String subName, String note) {
    }

    /** item_frequency: at most {@code maxCount} per {@code perUnit} (日 or 小时). */
    public record FrequencyLimit(String code, String name, int maxCount, String perUnit) {
    }

    /** item_period: at most {@code maxCount} within {@code periodDays} days. */
    public record PeriodLimit(String code, String name, int maxCount, int periodDays, String constraintText) {
    }

    /** item_course: total paid days and minimum interval between uses; -1 when the text gives none. */
    public record ItemCourseLimit(String code, String name, int maxTotalDays, int minIntervalDays,
                                  String constraintText) {
    }

    /** secondary_surgery: a surgery item and its 手术组; second surgeries in a group must be discounted. */
    public record SurgeryGroupItem(String code, String name, String group, String constraintText) {
    }

    /** drug_indication: paid only for diagnoses starting with one of the ICD-10 prefixes. */
    public record IndicationRule(String code, String name, String indicationText, List<String> icd10Prefixes) {
    }

    /** chronic_diseases: a 门诊慢特病 (M-code) with its ICD-10 prefixes. */
    public record ChronicDisease(String mCode, String name, List<String> icd10Prefixes, int maxOnlineWeeks) {
    }

    /** drg_payment: a city's payment standard for one DRG (level 0 = single standard). */
    public record DrgStandard(String city, String drgCode, String drgName, BigDecimal weight, long standardFen,
                              int institutionLevel) {
    }

    /** A medical (non-surgical) DRG whose ADRG admits the listed principal diagnoses. */
    public record MedicalDrg(String drgCode, String drgName, List<CodeName> principalDiagnoses) {
    }
}
