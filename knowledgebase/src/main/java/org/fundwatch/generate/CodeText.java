package org.fundwatch.generate;

/**
 * What the writer needs about one national code, derived once per code: its 收费类别, 目录类别 and the
 * code and hospital catalogue code pre-encoded as JSON string values, so that fee lines are rendered without lookups.
 */
final class CodeText {
    final String chargeType;
    final String listType;
    final byte[] code;
    final byte[] hospitalCode;

    CodeText(CatalogRecords.PriceEntry entry) {
        this.chargeType = CodePools.chargeType(entry);
        this.listType = CodePools.listType(entry);
        this.code = JsonBytes.encodedString(entry.code());
        String c = entry.code();
        int n = c.length();
        this.hospitalCode = JsonBytes.encodedString((c.charAt(0) == 'X' || c.charAt(0) == 'Z' ? "YP" : "XM")
                + c.substring(Math.max(0, n - 8)));
    }
}
