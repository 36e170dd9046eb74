package org.fundwatch.drg;

import java.util.BitSet;
import java.util.List;

/**
 * One way of entering an ADRG: every non-null condition must hold. Most ADRGs have exactly one
 * alternative; 乳房/女性生殖器官恶性肿瘤 ADRGs (JA1, JA2, NA1) list several ("或包含以下主要诊断+手术表 …").
 *
 * @param principalDiagnoses    "包含以下主要诊断": the principal diagnosis must be in this set
 * @param anyDiagnoses          "主要诊断或其他诊断中包含以下诊断" / "包含以下诊断": some diagnosis must be in it
 * @param principalProcedures   "包含以下主要手术或操作": the principal (first) procedure must be in it
 * @param allOfProcedures       "同时包含以下手术 … 和 …" / "手术表 n": each set must contain one of the case's
 *                              procedures (any position)
 * @param requiresOrProcedure   "全部手术" (or a surgical ADRG without a list, e.g. WJ1, YC1): the principal
 *                              procedure must be an operating-room procedure
 * @param requiresNoOrProcedure "且无手术" (ZZ1): the principal procedure must not be an OR procedure
 */
record AdrgAlternative(BitSet principalDiagnoses, BitSet anyDiagnoses, BitSet principalProcedures,
                       List<BitSet> allOfProcedures, boolean requiresOrProcedure, boolean requiresNoOrProcedure) {

    boolean hasProcedureCondition() {
        return principalProcedures != null || !allOfProcedures.isEmpty() || requiresOrProcedure;
    }

    boolean hasAnyCondition() {
        return hasProcedureCondition() || principalDiagnoses != null || anyDiagnoses != null || requiresNoOrProcedure;
    }
}
