package org.fundwatch.drg;

/**
 * The three kinds of ADRG of the CHS-DRG 1.1 scheme, read from the second letter of the ADRG code
 * (技术规范 §ADRG 编码: A–J 外科手术部分, K–Q 非手术室操作部分, R–Z 内科部分).
 */
enum AdrgKind {
    SURGICAL, NON_OR_PROCEDURE, MEDICAL;

    static AdrgKind ofCode(String adrgCode) {
        char c = adrgCode.charAt(1);
        if (c >= 'A' && c <= 'J') {
            return SURGICAL;
        }
        if (c >= 'K' && c <= 'Q') {
            return NON_OR_PROCEDURE;
        }
        return MEDICAL;
    }
}
