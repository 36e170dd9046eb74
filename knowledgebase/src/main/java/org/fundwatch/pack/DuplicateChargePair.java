package org.fundwatch.pack;

/**
 * Two service items that must not both be charged within {@code frequency} (医疗服务项目重复收费): the main item
 * includes the sub item. Frequency is one of 单日, 单次就诊, 6小时, 同一小时; empty means 单次就诊.
 */
public record DuplicateChargePair(int pairNo, String frequency, String mainItemCode, String mainItemName,
                                  String subItemCode, String subItemName, String note, String source) {

    /** The frequency with the published default applied (empty → 单次就诊). */
    public String effectiveFrequency() {
        return frequency == null || frequency.isEmpty() ? "单次就诊" : frequency;
    }
}
