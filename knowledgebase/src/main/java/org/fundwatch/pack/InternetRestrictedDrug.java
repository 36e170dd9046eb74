package org.fundwatch.pack;

/** A drug that internet hospitals must not prescribe (超互联网医院药品支付范围: 麻醉药品, 精神药品 …). */
public record InternetRestrictedDrug(String drugCode, String genericName, String constraintText, String source) {}
