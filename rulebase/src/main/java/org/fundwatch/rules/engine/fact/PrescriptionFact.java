package org.fundwatch.rules.engine.fact;

import java.util.List;

/**
 * One prescription ({@code rxno}) of the current request: the distinct western / Chinese patent medicines on it and
 * the distinct decoction pieces (中药饮片) with their lines and amounts.
 */
public final class PrescriptionFact {
    private final String prescriptionNo;
    private final int drugCount;
    private final List<String> drugLineIds;
    private final long drugFen;
    private final int tcmPieceCount;
    private final List<String> tcmLineIds;
    private final long tcmFen;
    private final String doctorCode;

    /** The line ids are copied (enrichment builds them in arrays: one copy each, no intermediate list). */
    public PrescriptionFact(String prescriptionNo, int drugCount, String[] drugLineIds, long drugFen,
                            int tcmPieceCount, String[] tcmLineIds, long tcmFen, String doctorCode) {
        this.prescriptionNo = prescriptionNo;
        this.drugCount = drugCount;
        this.drugLineIds = List.of(drugLineIds);
        this.drugFen = drugFen;
        this.tcmPieceCount = tcmPieceCount;
        this.tcmLineIds = List.of(tcmLineIds);
        this.tcmFen = tcmFen;
        this.doctorCode = doctorCode;
    }

    public String getPrescriptionNo() {
        return prescriptionNo;
    }

    /** Distinct western and Chinese patent medicine codes (decoction pieces excluded). */
    public int getDrugCount() {
        return drugCount;
    }

    public List<String> getDrugLineIds() {
        return drugLineIds;
    }

    public long getDrugFen() {
        return drugFen;
    }

    /** Distinct decoction-piece / granule codes (味数). */
    public int getTcmPieceCount() {
        return tcmPieceCount;
    }

    public List<String> getTcmLineIds() {
        return tcmLineIds;
    }

    public long getTcmFen() {
        return tcmFen;
    }

    public String getDoctorCode() {
        return doctorCode;
    }
}
