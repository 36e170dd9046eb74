package org.fundwatch.pack;

/** A drug for children only (药品儿童专用 / 药品限儿童使用). */
public record ChildOnlyDrug(String drugCode, String genericName, String constraintText, String source) {}
