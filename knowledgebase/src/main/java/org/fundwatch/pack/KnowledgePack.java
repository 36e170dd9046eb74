package org.fundwatch.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fundwatch.codes.CodeCatalog;

/**
 * A loaded, verified knowledge pack: immutable, hash-based lookups over its typed tables, the ICD catalogs and the
 * CHS-DRG table directory. Safe to share between threads. Load once per JVM with {@link KnowledgePacks#cached}.
 *
 * <p>Lookups return {@link Optional#empty()} (or an empty list) when the pack has no restriction for the code.
 * Whole tables are available with {@link #table(PackTable)} for rule templates and the data generator.
 */
public final class KnowledgePack {
    private final Path dir;
    private final Manifest manifest;
    private final Map<PackTable<?>, List<?>> tables;

    private final Map<String, DrugGender> drugGender;
    private final Map<String, ItemGender> itemGender;
    private final Map<String, AgeRestriction> drugAge;
    private final Map<String, AgeRestriction> itemAge;
    private final Map<String, DrugInsuranceType> drugInsuranceType;
    private final Map<String, DrugCareSetting> drugCareSetting;
    private final Map<String, DrugInstitutionLevel> drugInstitutionLevel;
    private final Map<String, DrugPaymentCourse> drugPaymentCourse;
    private final Map<String, List<DuplicateChargePair>> duplicateByMain;
    private final Map<String, DuplicateChargePair> duplicateByPair;
    private final Map<String, ItemFrequency> itemFrequency;
    private final Map<String, ItemCourse> itemCourse;
    private final Map<String, ItemPeriod> itemPeriod;
    private final Map<String, List<SecondarySurgery>> secondarySurgery;
    private final Map<String, DrugIndication> drugIndication;
    private final Map<String, SecondLineDrug> secondLineDrug;
    private final Map<String, ChildOnlyDrug> childOnlyDrug;
    private final Map<String, TcmPieceNotPaid> tcmPieceNotPaid;
    private final Map<String, InternetRestrictedDrug> internetRestrictedDrug;
    private final Map<String, List<DrgPayment>> drgPayment;
    private final Map<String, Institution> institutions;
    private final Map<String, Doctor> doctors;
    private final Map<String, Price> prices;
    private final Map<String, ChronicDisease> chronicDiseases;
    private final CodeCatalog icd10;
    private final CodeCatalog icd9;

    private KnowledgePack(Path dir, Manifest manifest, Map<PackTable<?>, List<?>> tables) {
        this.dir = dir;
        this.manifest = manifest;
        this.tables = Map.copyOf(tables);
        drugGender = index(PackTable.DRUG_GENDER, DrugGender::drugCode);
        itemGender = index(PackTable.ITEM_GENDER, ItemGender::itemCode);
        drugAge = index(PackTable.DRUG_AGE, AgeRestriction::code);
        itemAge = index(PackTable.ITEM_AGE, AgeRestriction::code);
        drugInsuranceType = index(PackTable.DRUG_INSURANCE_TYPE, DrugInsuranceType::drugCode);
        drugCareSetting = index(PackTable.DRUG_CARE_SETTING, DrugCareSetting::drugCode);
        drugInstitutionLevel = index(PackTable.DRUG_INSTITUTION_LEVEL, DrugInstitutionLevel::drugCode);
        drugPaymentCourse = index(PackTable.DRUG_PAYMENT_COURSE, DrugPaymentCourse::drugCode);
        duplicateByMain = group(PackTable.DUPLICATE_CHARGE, DuplicateChargePair::mainItemCode);
        duplicateByPair = index(PackTable.DUPLICATE_CHARGE, p -> p.mainItemCode() + "|" + p.subItemCode());
        itemFrequency = index(PackTable.ITEM_FREQUENCY, ItemFrequency::itemCode);
        itemCourse = index(PackTable.ITEM_COURSE, ItemCourse::itemCode);
        itemPeriod = index(PackTable.ITEM_PERIOD, ItemPeriod::itemCode);
        secondarySurgery = group(PackTable.SECONDARY_SURGERY, SecondarySurgery::itemCode);
        index(PackTable.SECONDARY_SURGERY, s -> s.itemCode() + "|" + s.surgeryGroup());
        drugIndication = index(PackTable.DRUG_INDICATION, DrugIndication::drugCode);
        secondLineDrug = index(PackTable.DRUG_SECOND_LINE, SecondLineDrug::drugCode);
        childOnlyDrug = index(PackTable.DRUG_CHILD_ONLY, ChildOnlyDrug::drugCode);
        tcmPieceNotPaid = index(PackTable.TCM_PIECE_NOT_PAID, TcmPieceNotPaid::drugCode);
        internetRestrictedDrug = index(PackTable.INTERNET_RESTRICTED_DRUG, InternetRestrictedDrug::drugCode);
        drgPayment = group(PackTable.DRG_PAYMENT, p -> p.city() + "|" + p.drgCode());
        institutions = index(PackTable.INSTITUTIONS, Institution::institutionCode);
        doctors = index(PackTable.DOCTORS, Doctor::doctorCode);
        prices = index(PackTable.PRICES, Price::code);
        chronicDiseases = index(PackTable.CHRONIC_DISEASES, ChronicDisease::mCode);
        icd10 = PackIcdCatalog.load(dir.resolve("icd/icd10-nhsa-v2.0.dat"), dir.resolve("icd/icd10-nhsa-v2.0-grey.dat"),
                "医保版ICD-10 v2.0");
        icd9 = PackIcdCatalog.load(dir.resolve("icd/icd9cm3-nhsa-v2.0.dat"),
                dir.resolve("icd/icd9cm3-nhsa-v2.0-grey.dat"), "医保版ICD-9-CM-3 v2.0");
    }

    /**
     * Loads the pack in {@code dir}: verifies every file's sha256 against the manifest (missing, tampered or
     * unexpected files fail naming the file), then parses every table (a corrupt table fails naming file and line).
     */
    public static KnowledgePack load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Manifest manifest = PackVerifier.verify(root);
        Map<PackTable<?>, List<?>> tables = new LinkedHashMap<>();
        for (PackTable<?> table : PackTable.all()) {
            ManifestEntry entry = manifest.entry(table.path()).orElseThrow(() -> new PackException(table.path()
                    + ": missing from the manifest of " + root + "; the pack is incomplete — rebuild it"));
            List<?> rows = table.read(root.resolve(table.path()), table.path());
            if (entry.rows() != null && entry.rows() != rows.size()) {
                throw new PackException(table.path() + ": " + rows.size() + " rows, manifest says " + entry.rows()
                        + "; rebuild the pack");
            }
            tables.put(table, List.copyOf(rows));
        }
        return new KnowledgePack(root, manifest, tables);
    }

    /** The pack's version, e.g. {@code kb-2025.06.01-1a2b3c4d}. */
    public String version() {
        return manifest.version();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The pack's directory. */
    public Path dir() {
        return dir;
    }

    /** Every row of {@code table} (immutable). */
    @SuppressWarnings("unchecked")
    public <R> List<R> table(PackTable<R> table) {
        return (List<R>) tables.get(table);
    }

    public Optional<DrugGender> drugGender(String drugCode) {
        return get(drugGender, drugCode);
    }

    public Optional<ItemGender> itemGender(String itemCode) {
        return get(itemGender, itemCode);
    }

    public Optional<AgeRestriction> drugAge(String drugCode) {
        return get(drugAge, drugCode);
    }

    public Optional<AgeRestriction> itemAge(String itemCode) {
        return get(itemAge, itemCode);
    }

    public Optional<DrugInsuranceType> drugInsuranceType(String drugCode) {
        return get(drugInsuranceType, drugCode);
    }

    public Optional<DrugCareSetting> drugCareSetting(String drugCode) {
        return get(drugCareSetting, drugCode);
    }

    public Optional<DrugInstitutionLevel> drugInstitutionLevel(String drugCode) {
        return get(drugInstitutionLevel, drugCode);
    }

    public Optional<DrugPaymentCourse> drugPaymentCourse(String drugCode) {
        return get(drugPaymentCourse, drugCode);
    }

    /** The duplicate-charge pairs whose main item is {@code mainItemCode} (empty list when none). */
    public List<DuplicateChargePair> duplicateChargePairs(String mainItemCode) {
        return mainItemCode == null ? List.of() : duplicateByMain.getOrDefault(mainItemCode, List.of());
    }

    /** The pair in which {@code mainItemCode} includes {@code subItemCode}, if published. */
    public Optional<DuplicateChargePair> duplicateChargePair(String mainItemCode, String subItemCode) {
        return get(duplicateByPair, mainItemCode + "|" + subItemCode);
    }

    public Optional<ItemFrequency> itemFrequency(String itemCode) {
        return get(itemFrequency, itemCode);
    }

    public Optional<ItemCourse> itemCourse(String itemCode) {
        return get(itemCourse, itemCode);
    }

    public Optional<ItemPeriod> itemPeriod(String itemCode) {
        return get(itemPeriod, itemCode);
    }

    /** The discount-group memberships of a surgery item (a few items, e.g. 阑尾切除术, are in two or more groups). */
    public List<SecondarySurgery> secondarySurgery(String itemCode) {
        return itemCode == null ? List.of() : secondarySurgery.getOrDefault(itemCode, List.of());
    }

    /** The discount groups (e.g. 胃肠手术组) of a surgery item; empty when it is in none. */
    public List<String> secondarySurgeryGroups(String itemCode) {
        return secondarySurgery(itemCode).stream().map(SecondarySurgery::surgeryGroup).toList();
    }

    public Optional<DrugIndication> drugIndication(String drugCode) {
        return get(drugIndication, drugCode);
    }

    public Optional<SecondLineDrug> secondLineDrug(String drugCode) {
        return get(secondLineDrug, drugCode);
    }

    public Optional<ChildOnlyDrug> childOnlyDrug(String drugCode) {
        return get(childOnlyDrug, drugCode);
    }

    public Optional<TcmPieceNotPaid> tcmPieceNotPaid(String drugCode) {
        return get(tcmPieceNotPaid, drugCode);
    }

    public Optional<InternetRestrictedDrug> internetRestrictedDrug(String drugCode) {
        return get(internetRestrictedDrug, drugCode);
    }

    /**
     * The payment standard of {@code drgCode} in {@code city} (beijing, changsha, suzhou, wuhan) for an institution
     * of {@code level}: the level's row, else the city's level-independent row. Where the city publishes separate
     * standards per insurance type, the 职工 (employee) standard is returned; use {@link #drgPayments} for all.
     */
    public Optional<DrgPayment> drgPayment(String city, String drgCode, int level) {
        List<DrgPayment> rows = drgPayments(city, drgCode);
        return rows.stream()
                .filter(p -> p.institutionLevel() == null || p.institutionLevel() == level)
                .filter(p -> p.insuranceType() == null || "职工".equals(p.insuranceType()))
                .min((a, b) -> Boolean.compare(a.institutionLevel() == null, b.institutionLevel() == null));
    }

    /** Every payment row of {@code drgCode} in {@code city} (all levels and insurance types). */
    public List<DrgPayment> drgPayments(String city, String drgCode) {
        return drgPayment.getOrDefault(city + "|" + drgCode, List.of());
    }

    public Optional<Institution> institution(String institutionCode) {
        return get(institutions, institutionCode);
    }

    public Optional<Doctor> doctor(String doctorCode) {
        return get(doctors, doctorCode);
    }

    public Optional<Price> price(String code) {
        return get(prices, code);
    }

    public Optional<ChronicDisease> chronicDisease(String mCode) {
        return get(chronicDiseases, mCode);
    }

    /** 医保版 ICD-10 v2.0 (diagnoses) with its grey list. */
    public CodeCatalog icd10() {
        return icd10;
    }

    /** 医保版 ICD-9-CM-3 v2.0 (procedures) with its grey list. */
    public CodeCatalog icd9() {
        return icd9;
    }

    /** The directory of the verbatim CHS-DRG 1.1 tables (1_MDC.txt … 7_CCE.txt) for the grouper. */
    public Path drgTablesDir() {
        return dir.resolve("chs-drg-1.1");
    }

    private static <V> Optional<V> get(Map<String, V> map, String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(map.get(key));
    }

    private <R> Map<String, R> index(PackTable<R> table, Function<R, String> key) {
        Map<String, R> map = new HashMap<>();
        for (R row : table(table)) {
            R previous = map.put(key.apply(row), row);
            if (previous != null) {
                throw new PackException(table.path() + ": key " + key.apply(row) + " appears twice; rebuild the pack");
            }
        }
        return Map.copyOf(map);
    }

    private <R> Map<String, List<R>> group(PackTable<R> table, Function<R, String> key) {
        Map<String, List<R>> map = new HashMap<>();
        for (R row : table(table)) {
            map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<R>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }

    @Override
    public String toString() {
        return "KnowledgePack[" + version() + " at " + dir + "]";
    }
}
