package org.fundwatch.pack;

/** A service item charged at most {@code maxCount} times per {@code perUnit} (日 or 小时) (医疗服务项目限定频次). */
public record ItemFrequency(String itemCode, String itemName, int maxCount, String perUnit, String source) {}
