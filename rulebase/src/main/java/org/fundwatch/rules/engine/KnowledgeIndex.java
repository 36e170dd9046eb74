package org.fundwatch.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fundwatch.pack.AgeRestriction;
import org.fundwatch.pack.ChildOnlyDrug;
import org.fundwatch.pack.DrugCareSetting;
import org.fundwatch.pack.DrugGender;
import org.fundwatch.pack.DrugIndication;
import org.fundwatch.pack.DrugInstitutionLevel;
import org.fundwatch.pack.DrugInsuranceType;
import org.fundwatch.pack.DrugPaymentCourse;
import org.fundwatch.pack.DuplicateChargePair;
import org.fundwatch.pack.InternetRestrictedDrug;
import org.fundwatch.pack.ItemCourse;
import org.fundwatch.pack.ItemFrequency;
import org.fundwatch.pack.ItemGender;
import org.fundwatch.pack.ItemPeriod;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackTable;
import org.fundwatch.pack.Price;
import org.fundwatch.pack.SecondLineDrug;
import org.fundwatch.pack.SecondarySurgery;
import org.fundwatch.pack.TcmPieceNotPaid;
import org.fundwatch.rules.engine.fact.CodeKnowledge;

/**
 * Every restriction of every code of a knowledge pack in one hash map (code → {@link CodeKnowledge}), built once per
 * compiled pack so enrichment costs one lookup per line. Immutable.
 */
final class KnowledgeIndex {
    /** 儿童 = under 18 years, ⌊18 × 365.25⌋ days (the knowledge pack's convention). */
    static final long CHILD_MAX_DAYS = 6574;

    private final Map<String, CodeKnowledge> byCode;

    private KnowledgeIndex(Map<String, CodeKnowledge> byCode) {
        this.byCode = byCode;
    }

    static KnowledgeIndex of(KnowledgePack kb) {
        Map<String, CodeKnowledge.Builder> b = new HashMap<>();
        Map<String, Map<String, DuplicateChargePair>> duplicates = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        for (DrugGender r : kb.table(PackTable.DRUG_GENDER)) {
            with(b, r.drugCode(), k -> {
                k.genderOnly = r.gender().code();
                k.genderText = r.constraintText();
            });
        }
        for (ItemGender r : kb.table(PackTable.ITEM_GENDER)) {
            with(b, r.itemCode(), k -> {
                k.genderOnly = r.gender().code();
                k.genderText = r.constraintText();
            });
        }
        for (ChildOnlyDrug r : kb.table(PackTable.DRUG_CHILD_ONLY)) {
            with(b, r.drugCode(), k -> {
                k.ageTarget = "儿童";
                k.ageMinDays = -1;
                k.ageMaxDays = CHILD_MAX_DAYS;
            });
        }
        for (PackTable<AgeRestriction> table : List.of(PackTable.DRUG_AGE, PackTable.ITEM_AGE)) {
            for (AgeRestriction r : kb.table(table)) {
                with(b, r.code(), k -> {
                    k.ageTarget = r.target();
                    k.ageMinDays = r.minAgeDays() == null ? -1 : r.minAgeDays();
                    k.ageMaxDays = r.maxAgeDays() == null ? -1 : r.maxAgeDays();
                });
            }
        }
        for (DrugInsuranceType r : kb.table(PackTable.DRUG_INSURANCE_TYPE)) {
            with(b, r.drugCode(), k -> k.insuranceTypeOnly = r.insutype());
        }
        for (DrugCareSetting r : kb.table(PackTable.DRUG_CARE_SETTING)) {
            with(b, r.drugCode(), k -> k.careSettingOnly = r.careSetting());
        }
        for (DrugInstitutionLevel r : kb.table(PackTable.DRUG_INSTITUTION_LEVEL)) {
            with(b, r.drugCode(), k -> k.minInstitutionLevel = r.minLevel());
        }
        for (DrugPaymentCourse r : kb.table(PackTable.DRUG_PAYMENT_COURSE)) {
            with(b, r.drugCode(), k -> k.paymentCourseDays = r.maxDays());
        }
        for (ItemFrequency r : kb.table(PackTable.ITEM_FREQUENCY)) {
            with(b, r.itemCode(), k -> k.frequency = r);
        }
        for (ItemPeriod r : kb.table(PackTable.ITEM_PERIOD)) {
            with(b, r.itemCode(), k -> k.period = r);
        }
        for (ItemCourse r : kb.table(PackTable.ITEM_COURSE)) {
            with(b, r.itemCode(), k -> k.course = r);
        }
        for (SecondarySurgery r : kb.table(PackTable.SECONDARY_SURGERY)) {
            groups.computeIfAbsent(r.itemCode(), c -> new ArrayList<>()).add(r.surgeryGroup());
        }
        groups.forEach((code, g) -> with(b, code, k -> k.surgeryGroups = g));
        for (DrugIndication r : kb.table(PackTable.DRUG_INDICATION)) {
            if (!r.icd10Prefixes().isEmpty()) { // unmapped indications: no automatic judgement
                with(b, r.drugCode(), k -> {
                    k.indicationPrefixes = r.icd10Prefixes();
                    k.indicationText = r.indicationText();
                });
            }
        }
        for (SecondLineDrug r : kb.table(PackTable.DRUG_SECOND_LINE)) {
            if (r.firstLineAtc() != null && !r.firstLineAtc().isBlank()) {
                with(b, r.drugCode(), k -> k.secondLineAtc = r.firstLineAtc());
            }
        }
        for (TcmPieceNotPaid r : kb.table(PackTable.TCM_PIECE_NOT_PAID)) {
            with(b, r.drugCode(), k -> k.tcmScope = r.scope());
        }
        for (InternetRestrictedDrug r : kb.table(PackTable.INTERNET_RESTRICTED_DRUG)) {
            with(b, r.drugCode(), k -> k.internetRestricted = true);
        }
        for (DuplicateChargePair r : kb.table(PackTable.DUPLICATE_CHARGE)) {
            duplicates.computeIfAbsent(r.mainItemCode(), c -> new HashMap<>()).put(r.subItemCode(), r);
            with(b, r.subItemCode(), k -> k.duplicateSub = true);
        }
        duplicates.forEach((code, subs) -> with(b, code, k -> k.duplicateSubs = subs));
        // Prices only matter for codes that also have a restriction or a cap; every priced code gets an entry
        // so the price-cap and discount rules can read it.
        for (Price r : kb.table(PackTable.PRICES)) {
            with(b, r.code(), k -> {
                k.listPriceMicros = micros(r.priceYuan());
                k.priceCapMicros = micros(r.priceCapYuan());
            });
        }
        Map<String, CodeKnowledge> out = new HashMap<>(b.size() * 2);
        b.forEach((code, k) -> out.put(code, k.build()));
        return new KnowledgeIndex(out);
    }

    /** The restrictions of {@code code}; {@link CodeKnowledge#NONE} when it has none. */
    CodeKnowledge of(String code) {
        CodeKnowledge k = code == null ? null : byCode.get(code);
        return k == null ? CodeKnowledge.NONE : k;
    }

    int size() {
        return byCode.size();
    }

    /** Every code with knowledge (for benchmarks and coverage). */
    java.util.Set<String> codes() {
        return byCode.keySet();
    }

    /**
     * {@code yuan} in millionths, rounded half up; -1 for null. Prices have at most six decimals and twelve digits in
     * practice: then exactly the unscaled value times a power of ten, without BigDecimal arithmetic.
     */
    static long micros(BigDecimal yuan) {
        if (yuan == null) {
            return -1;
        }
        int scale = yuan.scale();
        if (scale >= 0 && scale <= 6 && yuan.precision() <= 12) {
            // the unscaled value as a scale-0 BigDecimal, whose longValue() reads the compact long: unscaledValue()
            // would allocate a BigInteger (and its int[]) per fee line
            return yuan.scaleByPowerOfTen(scale).longValue() * POWERS_OF_TEN[6 - scale];
        }
        return yuan.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private static void with(Map<String, CodeKnowledge.Builder> b, String code,
                             Consumer<CodeKnowledge.Builder> change) {
        change.accept(b.computeIfAbsent(code, c -> {
            CodeKnowledge.Builder k = new CodeKnowledge.Builder();
            k.code = c;
            return k;
        }));
    }
}
