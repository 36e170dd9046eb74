package org.fundwatch.pack;

/** A service item for one gender only (医疗服务项目区分性别使用). */
public record ItemGender(String itemCode, String itemName, Gender gender, String constraintText, String source) {}
