package org.fundwatch.pack;

/** A drug payable only in one care setting (药品限就医方式), e.g. 住院. */
public record DrugCareSetting(String drugCode, String genericName, String careSetting, String constraintText,
                              String source) {}
