package org.fundwatch.pack;

/**
 * A drug paid only as second-line therapy (药品限二线使用). {@code firstLineAtc} is the ATC therapeutic subgroup
 * (2nd level, e.g. {@code L01}) in which prior first-line use is sought as evidence.
 */
public record SecondLineDrug(String drugCode, String genericName, String constraintText, String firstLineAtc,
                             String source) {}
