package org.fundwatch.pack;

/** A drug payable only at institutions of {@code minLevel} or above (药品限医疗机构级别); 2 = 二级, 3 = 三级. */
public record DrugInstitutionLevel(String drugCode, String genericName, int minLevel, String constraintText,
                                   String source) {}
