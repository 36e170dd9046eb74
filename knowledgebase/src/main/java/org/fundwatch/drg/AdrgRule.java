package org.fundwatch.drg;

import java.util.BitSet;
import java.util.List;

/**
 * The inclusion rule of one ADRG as listed in 4_ADRG_DETAIL (CHS-DRG 1.1 分组方案, 第三部分 ADRG 入组规则),
 * plus the DRG subdivisions of 3_DRG.
 *
 * <p>Age and birth-weight bounds come from the ADRG names of MDCP, which state them in words
 * ("出生年龄＜29 天", "出生体重 1500-1999g", "29 天≤出生年龄＜1 周岁"); {@code -1} means unbounded.
 */
final class AdrgRule {
    final int index;
    final String code;
    final String name;
    final char mdc;
    final AdrgKind kind;
    final List<AdrgAlternative> alternatives;
    final int minAgeDays;
    final int maxAgeDays;
    final int minWeight;
    final int maxWeight;
    /** Which of the suffixes 1, 3, 5, 9 exist in 3_DRG for this ADRG. */
    final boolean has1;
    final boolean has3;
    final boolean has5;
    final boolean has9;

    AdrgRule(int index, String code, String name, List<AdrgAlternative> alternatives, int minAgeDays,
             int maxAgeDays, int minWeight, int maxWeight, String suffixes) {
        this.index = index;
        this.code = code;
        this.name = name;
        this.mdc = code.charAt(0);
        this.kind = AdrgKind.ofCode(code);
        this.alternatives = List.copyOf(alternatives);
        this.minAgeDays = minAgeDays;
        this.maxAgeDays = maxAgeDays;
        this.minWeight = minWeight;
        this.maxWeight = maxWeight;
        this.has1 = suffixes.indexOf('1') >= 0;
        this.has3 = suffixes.indexOf('3') >= 0;
        this.has5 = suffixes.indexOf('5') >= 0;
        this.has9 = suffixes.indexOf('9') >= 0;
    }

    boolean matches(ResolvedCase c) {
        if (minAgeDays >= 0 || maxAgeDays >= 0) {
            if (c.ageDays < 0 || (minAgeDays >= 0 && c.ageDays < minAgeDays)
                    || (maxAgeDays >= 0 && c.ageDays > maxAgeDays)) {
                return false;
            }
        }
        if (minWeight >= 0 || maxWeight >= 0) {
            if (c.weightGrams < 0 || (minWeight >= 0 && c.weightGrams < minWeight)
                    || (maxWeight >= 0 && c.weightGrams > maxWeight)) {
                return false;
            }
        }
        for (int i = 0, n = alternatives.size(); i < n; i++) {
            if (matches(alternatives.get(i), c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(AdrgAlternative a, ResolvedCase c) {
        if (a.principalDiagnoses() != null
                && (c.principalDiagnosis < 0 || !a.principalDiagnoses().get(c.principalDiagnosis))) {
            return false;
        }
        if (a.anyDiagnoses() != null && !c.anyDiagnosisIn(a.anyDiagnoses())) {
            return false;
        }
        if (a.principalProcedures() != null
                && (c.principalProcedure < 0 || !a.principalProcedures().get(c.principalProcedure))) {
            return false;
        }
        List<BitSet> allOf = a.allOfProcedures();
        for (int i = 0, n = allOf.size(); i < n; i++) {
            if (!c.anyProcedureIn(allOf.get(i))) {
                return false;
            }
        }
        if (a.requiresOrProcedure() && !c.principalIsOrProcedure) {
            return false;
        }
        return !(a.requiresNoOrProcedure() && c.principalIsOrProcedure);
    }
}
