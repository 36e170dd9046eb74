package org.fundwatch.drg;

import java.util.BitSet;
import java.util.List;

/**
 * A case with its codes resolved to table ids once, so that every ADRG test is a few bit lookups.
 * Unknown codes resolve to {@code -1} and match nothing.
 */
final class ResolvedCase {
    final int principalDiagnosis;
    final int[] diagnoses;
    final int principalProcedure;
    final int[] procedures;
    final boolean principalIsOrProcedure;
    final int ageDays;
    final int weightGrams;
    final int gender;

    ResolvedCase(DrgCase c, CodeIndex dx, CodeIndex px, BitSet orProcedures) {
        List<String> ds = c.diagnoses();
        diagnoses = new int[ds.size()];
        for (int i = 0; i < diagnoses.length; i++) {
            diagnoses[i] = dx.id(ds.get(i));
        }
        principalDiagnosis = diagnoses.length == 0 ? -1 : diagnoses[0];
        List<String> ps = c.procedures();
        procedures = new int[ps.size()];
        for (int i = 0; i < procedures.length; i++) {
            procedures[i] = px.id(ps.get(i));
        }
        principalProcedure = procedures.length == 0 ? -1 : procedures[0];
        principalIsOrProcedure = principalProcedure >= 0 && orProcedures.get(principalProcedure);
        ageDays = c.effectiveAgeDays();
        weightGrams = c.weightGrams() == null ? -1 : c.weightGrams();
        gender = c.gender();
    }

    boolean anyDiagnosisIn(BitSet set) {
        for (int d : diagnoses) {
            if (d >= 0 && set.get(d)) {
                return true;
            }
        }
        return false;
    }

    boolean anyProcedureIn(BitSet set) {
        for (int p : procedures) {
            if (p >= 0 && set.get(p)) {
                return true;
            }
        }
        return false;
    }
}
