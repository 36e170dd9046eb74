package org.fundwatch.pack;

/**
 * A medical institution (定点医疗机构). Code {@code H} + 6-digit admdvs + 5 digits.
 *
 * @param level                   1, 2 or 3 (一级, 二级, 三级)
 * @param type                    综合医院, 中医医院, 专科医院, 社区卫生服务中心 …
 * @param internetQualified       holds the qualification for internet care (互联网医院资质)
 * @param supplementaryAgreement  signed the supplementary agreement for internet care payment (补充协议)
 */
public record Institution(String institutionCode, String name, String admdvs, int level, String type,
                          boolean internetQualified, boolean supplementaryAgreement) {}
