package org.fundwatch.pack;

import java.util.List;

/**
 * The SYNTHETIC 门诊慢特病 catalogue: 20 common outpatient chronic and special diseases with M-codes in the style of
 * the national 医保门诊慢特病病种 codes and the ICD-10 categories that qualify. Regions publish their own lists
 * (which diseases, which codes, which online-prescription limits); replace this table with the region's file.
 * {@code max_online_weeks}: longest prescription in online follow-up care — 12 weeks (长处方) for stable
 * conditions, 4 weeks where closer follow-up or controlled drugs are usual.
 */
final class ChronicDiseaseCatalog {
    private ChronicDiseaseCatalog() {
    }

    static List<ChronicDisease> standard() {
        return List.of(
                disease("M00101", "肺结核", 4, "A15", "A16"),
                disease("M00203", "慢性病毒性肝炎", 12, "B18"),
                disease("M00500", "艾滋病", 12, "B20", "B21", "B22", "B23", "B24"),
                disease("M01600", "糖尿病", 12, "E10", "E11", "E12", "E13", "E14"),
                disease("M01900", "甲状腺功能亢进症", 12, "E05"),
                disease("M02200", "精神分裂症", 4, "F20"),
                disease("M02300", "双相情感障碍", 4, "F31"),
                disease("M02900", "帕金森病", 12, "G20"),
                disease("M03100", "癫痫", 4, "G40"),
                disease("M03900", "高血压", 12, "I10", "I11", "I12", "I13", "I15"),
                disease("M04100", "冠心病", 12, "I20", "I25"),
                disease("M04300", "慢性心力衰竭", 12, "I50"),
                disease("M04600", "脑血管病后遗症", 12, "I69"),
                disease("M05300", "慢性阻塞性肺疾病", 12, "J44"),
                disease("M05800", "肝硬化", 4, "K74"),
                disease("M06500", "类风湿关节炎", 12, "M05", "M06"),
                disease("M07100", "系统性红斑狼疮", 12, "M32"),
                disease("M07800", "慢性肾脏病", 4, "N18"),
                disease("M08300", "恶性肿瘤门诊治疗", 4, "C"),
                disease("M08900", "器官移植抗排异治疗", 12, "Z94", "T86"));
    }

    private static ChronicDisease disease(String code, String name, int weeks, String... prefixes) {
        return new ChronicDisease(code, name, List.of(prefixes), weeks);
    }
}
