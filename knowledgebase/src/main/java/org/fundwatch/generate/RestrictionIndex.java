package org.fundwatch.generate;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.fundwatch.generate.CatalogRecords.AgeRule;
import org.fundwatch.generate.CatalogRecords.CareSettingRule;
import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.CourseRule;
import org.fundwatch.generate.CatalogRecords.DuplicatePair;
import org.fundwatch.generate.CatalogRecords.FrequencyLimit;
import org.fundwatch.generate.CatalogRecords.GenderRule;
import org.fundwatch.generate.CatalogRecords.IndicationRule;
import org.fundwatch.generate.CatalogRecords.InsuranceTypeRule;
import org.fundwatch.generate.CatalogRecords.ItemCourseLimit;
import org.fundwatch.generate.CatalogRecords.LevelRule;
import org.fundwatch.generate.CatalogRecords.PeriodLimit;
import org.fundwatch.generate.CatalogRecords.SurgeryGroupItem;

/**
 * Code-keyed view of the restriction tables. It answers two questions: which single-line
 * restrictions a code violates in a context ({@link #violations}), and whether the generator may use
 * a code in normal data at all ({@link #normalAllowed}) — codes whose legitimacy depends on history
 * the generator does not model (payment courses, periods, second-line use, indications, surgery
 * groups, 工伤/生育-only drugs, TCM pieces never paid) are kept out of normal data so that every
 * violation in the output is a labelled one. Maps are used for lookup only, never iterated.
 */
public final class RestrictionIndex {
    private final Map<String, GenderRule> drugGender = new HashMap<>();
    private final Map<String, GenderRule> itemGender = new HashMap<>();
    private final Map<String, AgeRule> drugAge = new HashMap<>();
    private final Map<String, AgeRule> itemAge = new HashMap<>();
    private final Map<String, InsuranceTypeRule> insuranceType = new HashMap<>();
    private final Map<String, CareSettingRule> careSetting = new HashMap<>();
    private final Map<String, LevelRule> level = new HashMap<>();
    private final Map<String, CourseRule> paymentCourse = new HashMap<>();
    private final Map<String, FrequencyLimit> frequency = new HashMap<>();
    private final Map<String, PeriodLimit> period = new HashMap<>();
    private final Map<String, ItemCourseLimit> itemCourse = new HashMap<>();
    private final Map<String, SurgeryGroupItem> surgery = new HashMap<>();
    private final Map<String, Set<String>> duplicatePartners = new HashMap<>();
    private final Set<String> internetRestricted = new HashSet<>();
    private final Set<String> excludedFromNormal = new HashSet<>();
    private final Map<String, Profile> profiles = new HashMap<>();
    /** Every code normal data must check, with all it needs for that check, so a check costs one lookup. */
    private final Map<String, NormalRules> normalRules = new HashMap<>();

    public RestrictionIndex(GeneratorCatalog catalog) {
        for (GenderRule r : catalog.drugGender()) {
            drugGender.putIfAbsent(r.code(), r);
        }
        for (GenderRule r : catalog.itemGender()) {
            itemGender.putIfAbsent(r.code(), r);
        }
        for (AgeRule r : catalog.drugAge()) {
            drugAge.putIfAbsent(r.code(), r);
        }
        for (AgeRule r : catalog.itemAge()) {
            itemAge.putIfAbsent(r.code(), r);
        }
        for (InsuranceTypeRule r : catalog.drugInsuranceType()) {
            insuranceType.putIfAbsent(r.code(), r);
        }
        for (CareSettingRule r : catalog.drugCareSetting()) {
            careSetting.putIfAbsent(r.code(), r);
        }
        for (LevelRule r : catalog.drugInstitutionLevel()) {
            level.putIfAbsent(r.code(), r);
        }
        for (CourseRule r : catalog.drugPaymentCourse()) {
            paymentCourse.putIfAbsent(r.code(), r);
        }
        for (FrequencyLimit r : catalog.itemFrequency()) {
            frequency.putIfAbsent(r.code(), r);
        }
        for (PeriodLimit r : catalog.itemPeriod()) {
            period.putIfAbsent(r.code(), r);
        }
        for (ItemCourseLimit r : catalog.itemCourse()) {
            itemCourse.putIfAbsent(r.code(), r);
        }
        for (SurgeryGroupItem r : catalog.secondarySurgery()) {
            surgery.putIfAbsent(r.code(), r);
        }
        for (DuplicatePair p : catalog.duplicateCharges()) {
            if (p.mainCode() == null || p.mainCode().isBlank() || p.subCode() == null || p.subCode().isBlank()) {
                continue;
            }
            duplicatePartners.computeIfAbsent(p.mainCode(), k -> new HashSet<>()).add(p.subCode());
            duplicatePartners.computeIfAbsent(p.subCode(), k -> new HashSet<>()).add(p.mainCode());
        }
        for (CodeName c : catalog.internetRestrictedDrugs()) {
            internetRestricted.add(c.code());
        }
        excludedFromNormal.addAll(insuranceType.keySet());
        excludedFromNormal.addAll(paymentCourse.keySet());
        excludedFromNormal.addAll(period.keySet());
        excludedFromNormal.addAll(itemCourse.keySet());
        excludedFromNormal.addAll(surgery.keySet());
        for (CodeName c : catalog.tcmPieceNotPaid()) {
            excludedFromNormal.add(c.code());
        }
        for (CodeName c : catalog.drugSecondLine()) {
            excludedFromNormal.add(c.code());
        }
        for (IndicationRule r : catalog.drugIndication()) {
            excludedFromNormal.add(r.code());
        }
        // narcotics/psychotropics are legal offline, but keeping them out of normal data keeps the
        // online-prescription label unambiguous
        excludedFromNormal.addAll(internetRestricted);
        buildProfiles();
        buildNormalRules();
    }

    /** What a normal-data check needs about one code: exclusion, context rules and duplicate partners. */
    private record NormalRules(boolean excluded, Profile profile, Set<String> partners) {
    }

    private void buildNormalRules() {
        Set<String> codes = new HashSet<>(excludedFromNormal);
        codes.addAll(profiles.keySet());
        codes.addAll(duplicatePartners.keySet());
        for (String c : codes) {
            normalRules.put(c, new NormalRules(excludedFromNormal.contains(c), profiles.get(c), duplicatePartners(c)));
        }
    }

    /**
     * Whether normal data may add {@code code} in {@code ctx} to a bill that already holds {@code chosen}:
     * {@link #normalAllowed} and no duplicate-charging partner of the code in {@code chosen}.
     */
    public boolean normalAdmissible(LineContext ctx, Set<String> chosen, String code) {
        NormalRules r = normalRules.get(code);
        if (r == null) {
            return true;
        }
        if (r.excluded() || (r.profile() != null && !r.profile().allows(ctx))) {
            return false;
        }
        for (String partner : r.partners()) {
            if (chosen.contains(partner)) {
                return false;
            }
        }
        return true;
    }

    /** The single-line restrictions {@code code} violates in {@code ctx}. */
    public Set<Restriction> violations(LineContext ctx, String code) {
        Set<Restriction> out = EnumSet.noneOf(Restriction.class);
        GenderRule g = drugGender.get(code);
        if (g != null && !g.gender().equals(ctx.gender())) {
            out.add(Restriction.DRUG_GENDER);
        }
        g = itemGender.get(code);
        if (g != null && !g.gender().equals(ctx.gender())) {
            out.add(Restriction.ITEM_GENDER);
        }
        AgeRule a = drugAge.get(code);
        if (a != null && !a.allows(ctx.ageDays())) {
            out.add(Restriction.DRUG_AGE);
        }
        a = itemAge.get(code);
        if (a != null && !a.allows(ctx.ageDays())) {
            out.add(Restriction.ITEM_AGE);
        }
        InsuranceTypeRule t = insuranceType.get(code);
        if (t != null && !insuranceMatches(t.insuranceType(), ctx.insuranceType())) {
            out.add(Restriction.DRUG_INSURANCE_TYPE);
        }
        CareSettingRule c = careSetting.get(code);
        if (c != null && c.careSetting().contains("住院") && !ctx.inpatient()) {
            out.add(Restriction.DRUG_CARE_SETTING);
        }
        LevelRule l = level.get(code);
        if (l != null && ctx.institutionLevel() < l.minLevel()) {
            out.add(Restriction.DRUG_INSTITUTION_LEVEL);
        }
        if (ctx.internet() && internetRestricted.contains(code)) {
            out.add(Restriction.INTERNET_RESTRICTED_DRUG);
        }
        return out;
    }

    /** Whether normal (unlabelled) data may carry {@code code} in {@code ctx}. */
    public boolean normalAllowed(LineContext ctx, String code) {
        if (excludedFromNormal.contains(code)) {
            return false;
        }
        Profile p = profiles.get(code);
        return p == null || p.allows(ctx);
    }

    /** Whether {@code code} may never appear in normal data, whatever the context. */
    public boolean excludedFromNormal(String code) {
        return excludedFromNormal.contains(code);
    }

    /** All context-dependent rules of one code, so that a normal-data check costs one lookup. */
    private record Profile(GenderRule drugGender, GenderRule itemGender, AgeRule drugAge, AgeRule itemAge,
                           InsuranceTypeRule insurance, CareSettingRule care, LevelRule level, boolean internet) {
        boolean allows(LineContext ctx) {
            return (drugGender == null || drugGender.gender().equals(ctx.gender()))
                    && (itemGender == null || itemGender.gender().equals(ctx.gender()))
                    && (drugAge == null || drugAge.allows(ctx.ageDays()))
                    && (itemAge == null || itemAge.allows(ctx.ageDays()))
                    && (insurance == null || insuranceMatches(insurance.insuranceType(), ctx.insuranceType()))
                    && (care == null || !care.careSetting().contains("住院") || ctx.inpatient())
                    && (level == null || ctx.institutionLevel() >= level.minLevel())
                    && !(internet && ctx.internet());
        }
    }

    private void buildProfiles() {
        Set<String> codes = new HashSet<>();
        codes.addAll(drugGender.keySet());
        codes.addAll(itemGender.keySet());
        codes.addAll(drugAge.keySet());
        codes.addAll(itemAge.keySet());
        codes.addAll(insuranceType.keySet());
        codes.addAll(careSetting.keySet());
        codes.addAll(level.keySet());
        codes.addAll(internetRestricted);
        for (String c : codes) {
            profiles.put(c, new Profile(drugGender.get(c), itemGender.get(c), drugAge.get(c), itemAge.get(c),
                    insuranceType.get(c), careSetting.get(c), level.get(c), internetRestricted.contains(c)));
        }
    }

    /** Whether {@code insuranceType} (工伤/生育) covers the national insutype. */
    public static boolean insuranceMatches(String restrictedTo, String insutype) {
        if (restrictedTo.contains("工伤")) {
            return "410".equals(insutype);
        }
        if (restrictedTo.contains("生育")) {
            return "510".equals(insutype);
        }
        return true;
    }

    /** Codes that must not be charged together with {@code code} (batch 7 pairs, both directions). */
    public Set<String> duplicatePartners(String code) {
        Set<String> s = duplicatePartners.get(code);
        return s == null ? Set.of() : s;
    }

    public FrequencyLimit frequency(String code) {
        return frequency.get(code);
    }

    public GenderRule drugGender(String code) {
        return drugGender.get(code);
    }

    public GenderRule itemGender(String code) {
        return itemGender.get(code);
    }

    public AgeRule drugAge(String code) {
        return drugAge.get(code);
    }

    public AgeRule itemAge(String code) {
        return itemAge.get(code);
    }

    public InsuranceTypeRule insuranceType(String code) {
        return insuranceType.get(code);
    }

    public CareSettingRule careSetting(String code) {
        return careSetting.get(code);
    }

    public LevelRule level(String code) {
        return level.get(code);
    }

    public CourseRule paymentCourse(String code) {
        return paymentCourse.get(code);
    }

    public PeriodLimit period(String code) {
        return period.get(code);
    }

    public SurgeryGroupItem surgery(String code) {
        return surgery.get(code);
    }

    public boolean internetRestricted(String code) {
        return internetRestricted.contains(code);
    }

    /** Convenience for tests and injectors: whether {@code code} violates exactly {@code only}. */
    public boolean violatesOnly(LineContext ctx, String code, Restriction only) {
        Set<Restriction> v = violations(ctx, code);
        return v.size() == 1 && v.contains(only);
    }
}
