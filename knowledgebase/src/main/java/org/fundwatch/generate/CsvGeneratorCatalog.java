package org.fundwatch.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.fundwatch.generate.CatalogRecords.AgeRule;
import org.fundwatch.generate.CatalogRecords.CareSettingRule;
import org.fundwatch.generate.CatalogRecords.ChronicDisease;
import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.CourseRule;
import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.DuplicatePair;
import org.fundwatch.generate.CatalogRecords.FrequencyLimit;
import org.fundwatch.generate.CatalogRecords.GenderRule;
import org.fundwatch.generate.CatalogRecords.IndicationRule;
import org.fundwatch.generate.CatalogRecords.Institution;
import org.fundwatch.generate.CatalogRecords.InsuranceTypeRule;
import org.fundwatch.generate.CatalogRecords.LevelRule;
import org.fundwatch.generate.CatalogRecords.MedicalDrg;
import org.fundwatch.generate.CatalogRecords.PeriodLimit;
import org.fundwatch.generate.CatalogRecords.PriceEntry;
import org.fundwatch.generate.CatalogRecords.PriceKind;
import org.fundwatch.generate.CatalogRecords.SurgeryGroupItem;

/**
 * Reads a knowledge pack directory ({@code docs/knowledge-pack.md}) directly: typed tables by column
 * name from {@code tables/*.csv}, diagnoses from {@code icd/}, MCC/CC/exclusions and medical DRGs from
 * {@code chs-drg-1.1/}. A missing optional table reads as empty; the registries the generator cannot
 * work without (institutions, doctors, prices) must be present. Immutable after {@link #load}.
 */
public final class CsvGeneratorCatalog implements GeneratorCatalog {

    private static final Pattern ADRG_HEADER = Pattern.compile("^[A-Z]{2}[0-9] .*");
    private static final Pattern ICD10_CODE = Pattern.compile("^[A-Z][0-9]{2}\\.[0-9A-Za-z]+.*");

    private final Path pack;
    private final List<Institution> institutions;
    private final List<Doctor> doctors;
    private final List<PriceEntry> prices;
    private final List<GenderRule> drugGender;
    private final List<GenderRule> itemGender;
    private final List<AgeRule> drugAge;
    private final List<AgeRule> itemAge;
    private final List<InsuranceTypeRule> drugInsuranceType;
    private final List<CareSettingRule> drugCareSetting;
    private final List<LevelRule> drugInstitutionLevel;
    private final List<CourseRule> drugPaymentCourse;
    private final List<DuplicatePair> duplicateCharges;
    private final List<FrequencyLimit> itemFrequency;
    private final List<PeriodLimit> itemPeriod;
    private final List<CatalogRecords.ItemCourseLimit> itemCourse;
    private final List<SurgeryGroupItem> secondarySurgery;
    private final List<IndicationRule> drugIndication;
    private final List<CodeName> drugSecondLine;
    private final List<CodeName> internetRestricted;
    private final List<CodeName> tcmPieceNotPaid;
    private final List<ChronicDisease> chronicDiseases;
    private final List<DrgStandard> drgPayments;
    private final List<CodeName> diagnoses;
    private final List<CodeName> mccCodes;
    private final Map<String, String> complicationTable;
    private final Map<String, Set<String>> exclusionTables;
    private final List<MedicalDrg> medicalDrgs;

    private CsvGeneratorCatalog(Path pack) throws IOException {
        this.pack = pack;
        institutions = read("institutions", true, r -> new Institution(r.get("institution_code"), r.get("name"),
                r.get("admdvs"), parseLevel(r.get("level")), r.get("type"), isPharmacy(r.get("type"), r.get("institution_code")),
                // Normal internet visits are billed only where both the internet-diagnosis qualification and the
                // supplementary agreement exist: the others are exactly what the internet-unqualified rule flags.
                isTrue(r.get("internet_qualified")) && isTrue(r.get("supplementary_agreement"))));
        doctors = read("doctors", true, r -> new Doctor(r.get("doctor_code"), r.get("name"),
                r.get("institution_code"), r.get("dept_code"), r.get("dept_name"), titleCode(r.get("title"))));
        prices = read("prices", true, r -> new PriceEntry(r.get("code"), priceKind(r.get("kind")), r.get("name"),
                r.get("unit"), Money.parseYuanToFen(r.get("price_yuan")), capFen(r)));
        drugGender = read("drug_gender", false, r -> new GenderRule(r.get("drug_code"), r.get("generic_name"),
                r.get("gender"), r.get("constraint_text")));
        itemGender = read("item_gender", false, r -> new GenderRule(r.get("item_code"), r.get("item_name"),
                r.get("gender"), r.get("constraint_text")));
        List<AgeRule> ages = new ArrayList<>(read("drug_age", false, r -> new AgeRule(r.get("drug_code"),
                r.get("generic_name"), r.get("target"), parseLong(r.get("min_age_days")),
                parseLong(r.get("max_age_days")), r.get("constraint_text"))));
        ages.addAll(read("drug_child_only", false, r -> new AgeRule(r.get("drug_code"), r.get("generic_name"),
                "儿童", 0, 18L * 365 + 4, r.get("constraint_text"))));
        drugAge = List.copyOf(ages);
        itemAge = read("item_age", false, r -> new AgeRule(r.get("item_code"), r.get("item_name"), r.get("target"),
                parseLong(r.get("min_age_days")), parseLong(r.get("max_age_days")), r.get("constraint_text")));
        drugInsuranceType = read("drug_insurance_type", false, r -> new InsuranceTypeRule(r.get("drug_code"),
                r.get("generic_name"), r.get("insurance_type"), r.get("constraint_text")));
        drugCareSetting = read("drug_care_setting", false, r -> new CareSettingRule(r.get("drug_code"),
                r.get("generic_name"), r.get("care_setting"), r.get("constraint_text")));
        drugInstitutionLevel = read("drug_institution_level", false, r -> new LevelRule(r.get("drug_code"),
                r.get("generic_name"), parseLevel(r.get("min_level")), r.get("constraint_text")));
        drugPaymentCourse = read("drug_payment_course", false, r -> new CourseRule(r.get("drug_code"),
                r.get("generic_name"), (int) parseLong(r.get("max_days")), r.get("constraint_text")));
        duplicateCharges = read("duplicate_charge", false, r -> new DuplicatePair((int) parseLong(r.get("pair_no")),
                blankTo(r.get("frequency"), "单次就诊"), r.get("main_item_code"), r.get("main_item_name"),
                r.get("sub_item_code"), r.get("sub_item_name"), r.get("note")));
        itemFrequency = read("item_frequency", false, r -> new FrequencyLimit(r.get("item_code"), r.get("item_name"),
                (int) parseLong(r.get("max_count")), blankTo(r.get("per_unit"), "日")));
        itemPeriod = read("item_period", false, r -> new PeriodLimit(r.get("item_code"), r.get("item_name"),
                (int) parseLong(r.get("max_count")), (int) parseLong(r.get("period_days")), r.get("constraint_text")));
        itemCourse = read("item_course", false, r -> new CatalogRecords.ItemCourseLimit(r.get("item_code"),
                r.get("item_name"), (int) parseLong(r.get("max_total_days")), (int) parseLong(r.get("min_interval_days")),
                r.get("constraint_text")));
        secondarySurgery = read("secondary_surgery", false, r -> new SurgeryGroupItem(r.get("item_code"),
                r.get("item_name"), r.get("surgery_group"), r.get("constraint_text")));
        drugIndication = read("drug_indication", false, r -> new IndicationRule(r.get("drug_code"),
                r.get("generic_name"), r.get("indication_text"), splitPipe(r.get("icd10_prefixes"))));
        drugSecondLine = read("drug_second_line", false, r -> new CodeName(r.get("drug_code"), r.get("generic_name")));
        internetRestricted = read("internet_restricted_drug", false,
                r -> new CodeName(r.get("drug_code"), r.get("generic_name")));
        tcmPieceNotPaid = read("tcm_piece_not_paid", false, r -> new CodeName(r.get("drug_code"), r.get("piece_name")));
        chronicDiseases = read("chronic_diseases", false, r -> new ChronicDisease(r.get("m_code"), r.get("name"),
                splitPipe(r.get("icd10_prefixes")), (int) Math.max(0, parseLong(r.get("max_online_weeks")))));
        drgPayments = read("drg_payment", false, r -> {
            String standard = r.get("standard_yuan");
            if (standard == null || standard.isBlank()) {
                return null;
            }
            String weight = r.get("weight");
            return new DrgStandard(r.get("city"), r.get("drg_code"), r.get("drg_name"),
                    weight == null || weight.isBlank() ? BigDecimal.ZERO : new BigDecimal(weight.trim()),
                    Money.parseYuanToFen(standard), parseLevel(r.get("institution_level")));
        });
        diagnoses = readDiagnoses();
        complicationTable = new HashMap<>();
        mccCodes = readComplications("5_MCC.txt", complicationTable);
        readComplications("6_CC.txt", complicationTable);
        exclusionTables = readExclusions();
        medicalDrgs = readMedicalDrgs();
    }

    /** Loads the catalog from a pack directory. */
    public static CsvGeneratorCatalog load(Path packDir) {
        if (!Files.isDirectory(packDir.resolve("tables"))) {
            throw new IllegalArgumentException("not a knowledge pack (no tables/ directory): " + packDir
                    + " — build one with `fundwatch kb build` or pass --pack DIR");
        }
        try {
            return new CsvGeneratorCatalog(packDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge pack " + packDir + ": " + e.getMessage(), e);
        }
    }

    /** The pack directory this catalog was read from. */
    public Path pack() {
        return pack;
    }

    private <T> List<T> read(String table, boolean required, Function<Map<String, String>, T> mapper)
            throws IOException {
        Path file = pack.resolve("tables").resolve(table + ".csv");
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalArgumentException("knowledge pack " + pack + " lacks tables/" + table + ".csv");
            }
            return List.of();
        }
        CsvMapper mapper0 = new CsvMapper();
        mapper0.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<T> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper0.readerFor(Map.class).with(schema).readValues(reader)) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> row = it.next();
                try {
                    T value = mapper.apply(row);
                    if (value != null) {
                        out.add(value);
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("tables/" + table + ".csv row " + line + ": " + e.getMessage(), e);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private List<CodeName> readDiagnoses() throws IOException {
        Path file = pack.resolve("icd/icd10-nhsa-v2.0.dat");
        if (!Files.exists(file)) {
            return List.of();
        }
        Set<String> grey = new HashSet<>();
        Path greyFile = pack.resolve("icd/icd10-nhsa-v2.0-grey.dat");
        if (Files.exists(greyFile)) {
            for (String line : Files.readAllLines(greyFile, StandardCharsets.UTF_8)) {
                String[] parts = splitCodeName(line);
                if (parts != null) {
                    grey.add(parts[0]);
                }
            }
        }
        List<CodeName> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = splitCodeName(line);
                if (parts != null && !grey.contains(parts[0])) {
                    out.add(new CodeName(parts[0], parts[1]));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private List<CodeName> readComplications(String name, Map<String, String> tableByCode) throws IOException {
        Path file = pack.resolve("chs-drg-1.1").resolve(name);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<CodeName> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length < 2 || !ICD10_CODE.matcher(tokens[0]).matches()) {
                continue;
            }
            int end = tokens.length;
            String table = "";
            if (end >= 3 && tokens[end - 2].equals("表")) {
                table = tokens[end - 1];
                end -= 2;
            }
            String codeName = String.join("", Arrays.copyOfRange(tokens, 1, Math.max(2, end)));
            out.add(new CodeName(tokens[0], codeName));
            tableByCode.putIfAbsent(tokens[0], table);
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, Set<String>> readExclusions() throws IOException {
        Path file = pack.resolve("chs-drg-1.1/7_CCE.txt");
        Map<String, Set<String>> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Set<String> current = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String t = line.trim();
                if (t.startsWith("表")) {
                    current = out.computeIfAbsent(t.substring(1).trim(), k -> new HashSet<>());
                } else if (current != null && ICD10_CODE.matcher(t).matches()) {
                    current.add(t.split("\\s+")[0]);
                }
            }
        }
        return out;
    }

    private List<MedicalDrg> readMedicalDrgs() throws IOException {
        Path drgFile = pack.resolve("chs-drg-1.1/3_DRG.txt");
        Path detail = pack.resolve("chs-drg-1.1/4_ADRG_DETAIL.txt");
        if (!Files.exists(drgFile) || !Files.exists(detail)) {
            return List.of();
        }
        Map<String, String> diagnosisNames = new HashMap<>();
        for (CodeName d : diagnoses) {
            diagnosisNames.put(d.code(), d.name());
        }
        // principal diagnoses per medical ADRG (second letter R–Z: 内科组)
        Map<String, List<CodeName>> byAdrg = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(detail, StandardCharsets.UTF_8)) {
            String line;
            List<CodeName> current = null;
            boolean inDiagnoses = false;
            while ((line = reader.readLine()) != null) {
                String t = line.trim();
                if (ADRG_HEADER.matcher(t).matches()) {
                    String adrg = t.substring(0, 3);
                    char category = adrg.charAt(1);
                    current = category >= 'R' ? byAdrg.computeIfAbsent(adrg, k -> new ArrayList<>()) : null;
                    inDiagnoses = false;
                } else if (t.startsWith("包含以下主要诊断")) {
                    inDiagnoses = true;
                } else if (t.startsWith("包含") || t.startsWith("同时包含") || t.equals("和")) {
                    inDiagnoses = false;
                } else if (current != null && inDiagnoses && ICD10_CODE.matcher(t).matches()) {
                    String code = t.split("\\s+")[0];
                    String name = diagnosisNames.get(code);
                    if (name != null) {
                        current.add(new CodeName(code, name));
                    }
                }
            }
        }
        List<MedicalDrg> out = new ArrayList<>();
        Map<String, String[]> chosen = new LinkedHashMap<>();
        for (String line : Files.readAllLines(drgFile, StandardCharsets.UTF_8)) {
            String[] parts = splitCodeName(line);
            if (parts == null || parts[0].length() != 4) {
                continue;
            }
            String adrg = parts[0].substring(0, 3);
            char suffix = parts[0].charAt(3);
            if (byAdrg.containsKey(adrg) && (suffix == '5' || suffix == '9')) {
                chosen.putIfAbsent(adrg, parts);
            }
        }
        for (Map.Entry<String, String[]> e : chosen.entrySet()) {
            List<CodeName> dx = byAdrg.get(e.getKey());
            if (!dx.isEmpty()) {
                out.add(new MedicalDrg(e.getValue()[0], e.getValue()[1], List.copyOf(dx)));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static String[] splitCodeName(String line) {
        String t = line.trim();
        int space = t.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        return new String[] {t.substring(0, space), t.substring(space + 1).trim()};
    }

    static int parseLevel(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim();
        if (v.startsWith("三") || v.contains("三级")) {
            return 3;
        }
        if (v.startsWith("二") || v.contains("二级")) {
            return 2;
        }
        if (v.startsWith("一") || v.contains("一级")) {
            return 1;
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                return Character.digit(v.charAt(i), 10);
            }
        }
        return 0;
    }

    private static boolean isPharmacy(String type, String code) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return t.contains("pharmacy") || t.contains("药店") || t.equals("2") || (code != null && code.startsWith("P"));
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("y") || v.equals("yes") || v.equals("是");
    }

    private static String titleCode(String title) {
        if (title == null) {
            return "";
        }
        String t = title.trim();
        if (t.matches("23[1-5]")) {
            return t;
        }
        return switch (t) {
            case "主任医师" -> "231";
            case "副主任医师" -> "232";
            case "主治医师" -> "233";
            case "医师", "住院医师" -> "234";
            case "医士" -> "235";
            default -> "";
        };
    }

    private static PriceKind priceKind(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "drug", "药品" -> PriceKind.DRUG;
            case "consumable", "耗材" -> PriceKind.CONSUMABLE;
            default -> PriceKind.ITEM;
        };
    }

    private static long capFen(Map<String, String> row) {
        String cap = row.get("price_cap_yuan");
        return cap == null || cap.isBlank() ? -1 : Money.parseYuanToFen(cap);
    }

    private static long parseLong(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        return new BigDecimal(value.trim()).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static List<String> splitPipe(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : value.split("\\|")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return List.copyOf(out);
    }

    @Override public List<Institution> institutions() { return institutions; }
    @Override public List<Doctor> doctors() { return doctors; }
    @Override public List<PriceEntry> prices() { return prices; }
    @Override public List<GenderRule> drugGender() { return drugGender; }
    @Override public List<GenderRule> itemGender() { return itemGender; }
    @Override public List<AgeRule> drugAge() { return drugAge; }
    @Override public List<AgeRule> itemAge() { return itemAge; }
    @Override public List<InsuranceTypeRule> drugInsuranceType() { return drugInsuranceType; }
    @Override public List<CareSettingRule> drugCareSetting() { return drugCareSetting; }
    @Override public List<LevelRule> drugInstitutionLevel() { return drugInstitutionLevel; }
    @Override public List<CourseRule> drugPaymentCourse() { return drugPaymentCourse; }
    @Override public List<DuplicatePair> duplicateCharges() { return duplicateCharges; }
    @Override public List<FrequencyLimit> itemFrequency() { return itemFrequency; }
    @Override public List<PeriodLimit> itemPeriod() { return itemPeriod; }
    @Override public List<CatalogRecords.ItemCourseLimit> itemCourse() { return itemCourse; }
    @Override public List<SurgeryGroupItem> secondarySurgery() { return secondarySurgery; }
    @Override public List<IndicationRule> drugIndication() { return drugIndication; }
    @Override public List<CodeName> drugSecondLine() { return drugSecondLine; }
    @Override public List<CodeName> internetRestrictedDrugs() { return internetRestricted; }
    @Override public List<CodeName> tcmPieceNotPaid() { return tcmPieceNotPaid; }
    @Override public List<ChronicDisease> chronicDiseases() { return chronicDiseases; }
    @Override public List<DrgStandard> drgPayments() { return drgPayments; }
    @Override public List<CodeName> diagnoses() { return diagnoses; }
    @Override public List<CodeName> mccCodes() { return mccCodes; }
    @Override public Set<String> complicationCodes() { return Collections.unmodifiableSet(complicationTable.keySet()); }
    @Override public List<MedicalDrg> medicalDrgs() { return medicalDrgs; }

    @Override
    public boolean isExcluded(String complication, String principal) {
        String table = complicationTable.get(complication);
        if (table == null || table.isEmpty()) {
            return false;
        }
        Set<String> principals = exclusionTables.get(table);
        return principals != null && principals.contains(principal);
    }
}
