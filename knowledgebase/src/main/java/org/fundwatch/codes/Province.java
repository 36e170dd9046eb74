package org.fundwatch.codes;

import java.util.Optional;

/**
 * The provincial-level divisions of mainland China by their GB/T 2260 two-digit code (the first two
 * digits of an admdvs), plus {@code 66} 新疆生产建设兵团, which the national medical-insurance
 * platform uses as a separate pooling region (医保区划 {@code 660000}) although GB/T 2260 has no
 * such code. Hong Kong, Macao and Taiwan (81, 82, 71) are outside the platform and not listed.
 */
public enum Province {
    BEIJING("11", "北京市"), TIANJIN("12", "天津市"), HEBEI("13", "河北省"), SHANXI("14", "山西省"),
    INNER_MONGOLIA("15", "内蒙古自治区"),
    LIAONING("21", "辽宁省"), JILIN("22", "吉林省"), HEILONGJIANG("23", "黑龙江省"),
    SHANGHAI("31", "上海市"), JIANGSU("32", "江苏省"), ZHEJIANG("33", "浙江省"), ANHUI("34", "安徽省"),
    FUJIAN("35", "福建省"), JIANGXI("36", "江西省"), SHANDONG("37", "山东省"),
    HENAN("41", "河南省"), HUBEI("42", "湖北省"), HUNAN("43", "湖南省"), GUANGDONG("44", "广东省"),
    GUANGXI("45", "广西壮族自治区"), HAINAN("46", "海南省"),
    CHONGQING("50", "重庆市"), SICHUAN("51", "四川省"), GUIZHOU("52", "贵州省"), YUNNAN("53", "云南省"),
    TIBET("54", "西藏自治区"),
    SHAANXI("61", "陕西省"), GANSU("62", "甘肃省"), QINGHAI("63", "青海省"), NINGXIA("64", "宁夏回族自治区"),
    XINJIANG("65", "新疆维吾尔自治区"),
    XINJIANG_CORPS("66", "新疆生产建设兵团");

    private final String code;
    private final String chineseName;

    Province(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The two-digit code, e.g. {@code 43}. */
    public String code() {
        return code;
    }

    /** The official name, e.g. {@code 湖南省}. */
    public String chineseName() {
        return chineseName;
    }

    /** The province with the two-digit {@code code}, or empty. */
    public static Optional<Province> ofCode(String code) {
        for (Province p : values()) {
            if (p.code.equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
