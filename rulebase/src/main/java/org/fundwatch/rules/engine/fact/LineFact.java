package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.model.ListType;
import org.fundwatch.pack.DuplicateChargePair;

/**
 * A fee or order line of the encounter being checked, with the knowledge restrictions of its code attached.
 * {@link #isCurrent()} lines belong to this request; the others are earlier lines of the same encounter (context for
 * duplicate and frequency checks; restriction rules only report current lines).
 */
public final class LineFact {
    private final int index;
    private final String lineId;
    private final String itemCode;
    private final String name;
    private final ListType listType;
    private final String prescriptionNo;
    private final boolean current;
    private final LocalDateTime time;
    private final long day;
    private final BigDecimal quantity;
    private final long unitPriceMicros;
    private final long amountFen;
    private final long expectedAmountFen;
    private final String doctorCode;
    private final long coveredFrom;
    private final long coveredTo;
    private final CodeKnowledge k;
    private final String atcSubgroup;

    /** A line; {@code knowledge} is the knowledge index's entry for {@code itemCode} ({@link CodeKnowledge#NONE} if none). */
    public LineFact(int index, String lineId, String itemCode, String name, ListType listType, String prescriptionNo,
                    boolean current, LocalDateTime time, long day, BigDecimal quantity, long unitPriceMicros,
                    long amountFen, long expectedAmountFen, String doctorCode, long coveredFrom, long coveredTo,
                    CodeKnowledge knowledge) {
        this.index = index;
        this.lineId = lineId;
        this.itemCode = itemCode;
        this.name = name;
        this.listType = listType;
        this.prescriptionNo = prescriptionNo;
        this.current = current;
        this.time = time;
        this.day = day;
        this.quantity = quantity;
        this.unitPriceMicros = unitPriceMicros;
        this.amountFen = amountFen;
        this.expectedAmountFen = expectedAmountFen;
        this.doctorCode = doctorCode;
        this.coveredFrom = coveredFrom;
        this.coveredTo = coveredTo;
        this.k = knowledge;
        // the subgroup of an indexed code was computed with the index: no read of the code's characters and of the
        // subgroup cache (a 180-KB array, a cache miss per line on a cold request)
        this.atcSubgroup = knowledge.hasCode ? knowledge.atcSubgroup : atcSubgroup(itemCode);
    }

    public int getIndex() {
        return index;
    }

    public String getLineId() {
        return lineId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getName() {
        return name;
    }

    public ListType getListType() {
        return listType;
    }

    public boolean isMedicine() {
        return listType.isMedicine();
    }

    public boolean isServiceItem() {
        return listType == ListType.SERVICE_ITEM;
    }

    public boolean isTcmPiece() {
        return listType == ListType.TCM_PIECE;
    }

    public String getPrescriptionNo() {
        return prescriptionNo;
    }

    public boolean isCurrent() {
        return current;
    }

    public LocalDateTime getTime() {
        return time;
    }

    /** Epoch day of {@link #getTime()}; -1 when the line has no time. */
    public long getDay() {
        return day;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    /** Unit price in millionths of a yuan; -1 when not sent. */
    public long getUnitPriceMicros() {
        return unitPriceMicros;
    }

    public long getAmountFen() {
        return amountFen;
    }

    /** quantity × unit price rounded to the fen; -1 when either is missing. */
    public long getExpectedAmountFen() {
        return expectedAmountFen;
    }

    /** Whether the line amount differs from quantity × unit price by more than one fen (rounding). */
    public boolean isAmountInconsistent() {
        return expectedAmountFen >= 0 && Math.abs(expectedAmountFen - amountFen) > 1;
    }

    public String getDoctorCode() {
        return doctorCode;
    }

    /** First epoch day the line's medicine covers (order start), -1 when unknown. */
    public long getCoveredFrom() {
        return coveredFrom;
    }

    /** Epoch day after the last covered day (exclusive), -1 when unknown. */
    public long getCoveredTo() {
        return coveredTo;
    }

    public boolean isCoverageKnown() {
        return coveredFrom >= 0 && coveredTo > coveredFrom;
    }

    // ---- knowledge restrictions ----

    /** The only gender (1/2) the code is for, or null. */
    public String getGenderOnly() {
        return k.genderOnly;
    }

    public String getGenderText() {
        return k.genderText;
    }

    public boolean isAgeLimited() {
        return k.ageMinDays >= 0 || k.ageMaxDays >= 0;
    }

    /** Whether a patient {@code ageDays} old is outside the code's allowed age range. */
    public boolean outsideAge(long ageDays) {
        return (k.ageMinDays >= 0 && ageDays < k.ageMinDays) || (k.ageMaxDays >= 0 && ageDays >= k.ageMaxDays);
    }

    public String getAgeTarget() {
        return k.ageTarget;
    }

    /** Insurance type (insutype 410 工伤 / 510 生育) the drug is limited to, or null. */
    public String getInsuranceTypeOnly() {
        return k.insuranceTypeOnly;
    }

    /** The care setting (住院) the drug is limited to, or null. */
    public String getCareSettingOnly() {
        return k.careSettingOnly;
    }

    /** Minimum institution level (2, 3); 0 when unrestricted. */
    public int getMinInstitutionLevel() {
        return k.minInstitutionLevel;
    }

    public List<String> getSurgeryGroups() {
        return k.surgeryGroups;
    }

    public boolean isGroupedSurgery() {
        return !k.surgeryGroups.isEmpty();
    }

    /** Whether this line and {@code other} share a secondary-surgery discount group. */
    public boolean sharesSurgeryGroup(LineFact other) {
        for (String g : k.surgeryGroups) {
            if (other.k.surgeryGroups.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** The ICD-10 prefixes of the drug's indications; null when unrestricted or not mapped. */
    public List<String> getIndicationPrefixes() {
        return k.indicationPrefixes;
    }

    public String getIndicationText() {
        return k.indicationText;
    }

    /** The ATC subgroup in which first-line use must precede this second-line drug, or null. */
    public String getSecondLineAtc() {
        return k.secondLineAtc;
    }

    /** The ATC therapeutic subgroup of a national drug code (chars 2–4, e.g. {@code L01}), or null for non-drugs. */
    public String getAtcSubgroup() {
        return atcSubgroup;
    }

    /** 单方 or 单复方 when the decoction piece is not paid, else null. */
    public String getTcmScope() {
        return k.tcmScope;
    }

    public boolean isInternetRestricted() {
        return k.internetRestricted;
    }

    /** Price cap in millionths of a yuan; -1 when the pack has none. */
    public long getPriceCapMicros() {
        return k.priceCapMicros;
    }

    /** List price in millionths of a yuan; -1 when unknown. */
    public long getListPriceMicros() {
        return k.listPriceMicros;
    }

    /** The amount charged above the cap: (unit price − cap) × quantity, in fen. */
    public long overCapFen() {
        if (k.priceCapMicros < 0 || unitPriceMicros <= k.priceCapMicros || quantity == null) {
            return 0;
        }
        return BigDecimal.valueOf(unitPriceMicros - k.priceCapMicros, 6).multiply(quantity).movePointRight(2)
                .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    /** Whether the code is the main item of a published duplicate-charge pair. */
    public boolean isDuplicateMain() {
        return !k.duplicateSubs.isEmpty();
    }

    /**
     * Whether the code is the included item of some published duplicate-charge pair: a cheap (alpha) condition that
     * {@link #duplicates} implies, so lines that can never be a duplicate stay out of the join.
     */
    public boolean isDuplicateSub() {
        return k.duplicateSub;
    }

    /** The published pair in which this line's item includes {@code subItemCode}, or null. */
    public DuplicateChargePair duplicatePair(String subItemCode) {
        return k.duplicateSubs.get(subItemCode);
    }

    /**
     * Whether {@code sub} is charged within this main item's duplicate-charge frequency window: 单次就诊 (same
     * encounter, always true here), 单日 (same day), 6小时 (within six hours), 同一小时 (same clock hour).
     */
    public boolean duplicates(LineFact sub) {
        DuplicateChargePair pair = k.duplicateSubs.get(sub.itemCode);
        if (pair == null || sub == this) {
            return false;
        }
        String frequency = pair.effectiveFrequency();
        if (frequency.equals("单次就诊")) {
            return true;
        }
        if (time == null || sub.time == null) {
            return frequency.equals("单日") && day >= 0 && day == sub.day;
        }
        return switch (frequency) {
            case "单日" -> day == sub.day;
            case "6小时" -> Math.abs(Duration.between(time, sub.time).toMinutes()) <= 360;
            case "同一小时" -> time.toLocalDate().equals(sub.time.toLocalDate()) && time.getHour() == sub.time.getHour();
            default -> false;
        };
    }

    /** The ATC subgroup of a national drug code ({@code XL01…} → {@code L01}), or null. */
    public static String atcSubgroup(String code) {
        if (code == null || code.length() < 4 || (code.charAt(0) != 'X' && code.charAt(0) != 'Z')) {
            return null;
        }
        int slot = slot(code.charAt(1), code.charAt(2), code.charAt(3));
        if (slot < 0) {
            return code.substring(1, 4);
        }
        String cached = ATC_SUBGROUPS[slot];
        if (cached == null) {
            cached = code.substring(1, 4); // racing threads store equal strings: harmless
            ATC_SUBGROUPS[slot] = cached;
        }
        return cached;
    }

    /** One shared string per subgroup (A–Z/0–9 characters), so building a line allocates none. */
    private static final String[] ATC_SUBGROUPS = new String[36 * 36 * 36];

    private static int slot(char a, char b, char c) {
        int x = base36(a);
        int y = base36(b);
        int z = base36(c);
        return x < 0 || y < 0 || z < 0 ? -1 : (x * 36 + y) * 36 + z;
    }

    private static int base36(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'Z' ? 10 + c - 'A' : -1;
    }

    @Override
    public String toString() {
        return "LineFact[" + lineId + " " + itemCode + "]";
    }
}
