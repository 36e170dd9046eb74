package org.fundwatch.pack;

/** A drug paid for at most {@code maxDays} days (药品限支付疗程). */
public record DrugPaymentCourse(String drugCode, String genericName, int maxDays, String constraintText,
                                String source) {}
