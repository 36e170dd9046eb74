package org.fundwatch.pack;

/** A drug usable by one gender only (药品区分性别使用). */
public record DrugGender(String drugCode, String genericName, Gender gender, String constraintText, String source) {}
