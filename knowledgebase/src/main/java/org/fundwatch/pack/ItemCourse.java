package org.fundwatch.pack;

/**
 * A service item paid for a limited course (医疗服务项目限支付疗程): at most {@code maxTotalDays} in total and at
 * least {@code minIntervalDays} between two uses; either is {@code null} when the published text has none.
 */
public record ItemCourse(String itemCode, String itemName, Integer maxTotalDays, Integer minIntervalDays,
                         String constraintText, String source) {}
