package org.fundwatch.pack;

/** A service item charged at most {@code maxCount} times within {@code periodDays} days (医疗服务项目周期超频次). */
public record ItemPeriod(String itemCode, String itemName, int maxCount, int periodDays, String constraintText,
                         String source) {}
