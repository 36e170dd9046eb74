package org.fundwatch.pack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed table of a knowledge pack: its name, file, kind, columns (in the order of {@code docs/knowledge-pack.md})
 * and the mapping between CSV rows and its record type. The constants are the complete set of tables.
 *
 * @param <R> the row record
 */
public final class PackTable<R> {

    public static final PackTable<DrugGender> DRUG_GENDER = new PackTable<>("drug_gender", FileKind.DERIVED,
            "药品区分性别使用: drug codes with the gender they are restricted to",
            List.of("drug_code", "generic_name", "gender", "constraint_text", "source"),
            c -> new DrugGender(c.required("drug_code"), c.text("generic_name"), c.gender("gender"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.gender().code(), r.constraintText(), r.source()));

    public static final PackTable<ItemGender> ITEM_GENDER = new PackTable<>("item_gender", FileKind.DERIVED,
            "医疗服务项目区分性别使用: service items with the gender they are restricted to",
            List.of("item_code", "item_name", "gender", "constraint_text", "source"),
            c -> new ItemGender(c.required("item_code"), c.text("item_name"), c.gender("gender"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.itemCode(), r.itemName(), r.gender().code(), r.constraintText(), r.source()));

    public static final PackTable<AgeRestriction> DRUG_AGE = new PackTable<>("drug_age", FileKind.DERIVED,
            "药品限年龄 (儿童): allowed age range in days, maximum exclusive",
            List.of("drug_code", "generic_name", "target", "min_age_days", "max_age_days", "constraint_text", "source"),
            c -> new AgeRestriction(c.required("drug_code"), c.text("generic_name"), c.text("target"),
                    c.integerOrNull("min_age_days"), c.integerOrNull("max_age_days"), c.text("constraint_text"),
                    c.text("source")),
            r -> cells(r.code(), r.name(), r.target(), r.minAgeDays(), r.maxAgeDays(), r.constraintText(), r.source()));

    public static final PackTable<AgeRestriction> ITEM_AGE = new PackTable<>("item_age", FileKind.DERIVED,
            "医疗服务项目限年龄: allowed age range in days, maximum exclusive",
            List.of("item_code", "item_name", "target", "min_age_days", "max_age_days", "constraint_text", "source"),
            c -> new AgeRestriction(c.required("item_code"), c.text("item_name"), c.text("target"),
                    c.integerOrNull("min_age_days"), c.integerOrNull("max_age_days"), c.text("constraint_text"),
                    c.text("source")),
            r -> cells(r.code(), r.name(), r.target(), r.minAgeDays(), r.maxAgeDays(), r.constraintText(), r.source()));

    public static final PackTable<DrugInsuranceType> DRUG_INSURANCE_TYPE = new PackTable<>("drug_insurance_type",
            FileKind.DERIVED, "药品限工伤/生育保险: drugs payable only by 工伤 (410) or 生育 (510) insurance",
            List.of("drug_code", "generic_name", "insurance_type", "constraint_text", "source"),
            c -> new DrugInsuranceType(c.required("drug_code"), c.text("generic_name"), c.required("insurance_type"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.insuranceType(), r.constraintText(), r.source()));

    public static final PackTable<DrugCareSetting> DRUG_CARE_SETTING = new PackTable<>("drug_care_setting",
            FileKind.DERIVED, "药品限就医方式: drugs payable only in the given care setting",
            List.of("drug_code", "generic_name", "care_setting", "constraint_text", "source"),
            c -> new DrugCareSetting(c.required("drug_code"), c.text("generic_name"), c.required("care_setting"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.careSetting(), r.constraintText(), r.source()));

    public static final PackTable<DrugInstitutionLevel> DRUG_INSTITUTION_LEVEL = new PackTable<>(
            "drug_institution_level", FileKind.DERIVED,
            "药品限医疗机构级别: minimum institution level (2 = 二级, 3 = 三级)",
            List.of("drug_code", "generic_name", "min_level", "constraint_text", "source"),
            c -> new DrugInstitutionLevel(c.required("drug_code"), c.text("generic_name"), c.integer("min_level"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.minLevel(), r.constraintText(), r.source()));

    public static final PackTable<DrugPaymentCourse> DRUG_PAYMENT_COURSE = new PackTable<>("drug_payment_course",
            FileKind.DERIVED, "药品限支付疗程: maximum paid days",
            List.of("drug_code", "generic_name", "max_days", "constraint_text", "source"),
            c -> new DrugPaymentCourse(c.required("drug_code"), c.text("generic_name"), c.integer("max_days"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.maxDays(), r.constraintText(), r.source()));

    public static final PackTable<DuplicateChargePair> DUPLICATE_CHARGE = new PackTable<>("duplicate_charge",
            FileKind.DERIVED, "医疗服务项目重复收费: main item includes sub item within the frequency",
            List.of("pair_no", "frequency", "main_item_code", "main_item_name", "sub_item_code", "sub_item_name",
                    "note", "source"),
            c -> new DuplicateChargePair(c.integer("pair_no"), c.text("frequency"), c.required("main_item_code"),
                    c.text("main_item_name"), c.required("sub_item_code"), c.text("sub_item_name"), c.text("note"),
                    c.text("source")),
            r -> cells(r.pairNo(), r.frequency(), r.mainItemCode(), r.mainItemName(), r.subItemCode(),
                    r.subItemName(), r.note(), r.source()));

    public static final PackTable<ItemFrequency> ITEM_FREQUENCY = new PackTable<>("item_frequency", FileKind.DERIVED,
            "医疗服务项目限定频次: at most max_count per 日 or 小时",
            List.of("item_code", "item_name", "max_count", "per_unit", "source"),
            c -> new ItemFrequency(c.required("item_code"), c.text("item_name"), c.integer("max_count"),
                    c.required("per_unit"), c.text("source")),
            r -> cells(r.itemCode(), r.itemName(), r.maxCount(), r.perUnit(), r.source()));

    public static final PackTable<ItemCourse> ITEM_COURSE = new PackTable<>("item_course", FileKind.DERIVED,
            "医疗服务项目限支付疗程: total days and minimum interval parsed from the published text",
            List.of("item_code", "item_name", "max_total_days", "min_interval_days", "constraint_text", "source"),
            c -> new ItemCourse(c.required("item_code"), c.text("item_name"), c.integerOrNull("max_total_days"),
                    c.integerOrNull("min_interval_days"), c.text("constraint_text"), c.text("source")),
            r -> cells(r.itemCode(), r.itemName(), r.maxTotalDays(), r.minIntervalDays(), r.constraintText(),
                    r.source()));

    public static final PackTable<ItemPeriod> ITEM_PERIOD = new PackTable<>("item_period", FileKind.DERIVED,
            "医疗服务项目周期超频次: at most max_count within period_days",
            List.of("item_code", "item_name", "max_count", "period_days", "constraint_text", "source"),
            c -> new ItemPeriod(c.required("item_code"), c.text("item_name"), c.integer("max_count"),
                    c.integer("period_days"), c.text("constraint_text"), c.text("source")),
            r -> cells(r.itemCode(), r.itemName(), r.maxCount(), r.periodDays(), r.constraintText(), r.source()));

    public static final PackTable<SecondarySurgery> SECONDARY_SURGERY = new PackTable<>("secondary_surgery",
            FileKind.DERIVED, "手术项目未按规定折价收费: surgery discount groups",
            List.of("item_code", "item_name", "surgery_group", "constraint_text", "source"),
            c -> new SecondarySurgery(c.required("item_code"), c.text("item_name"), c.required("surgery_group"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.itemCode(), r.itemName(), r.surgeryGroup(), r.constraintText(), r.source()));

    public static final PackTable<DrugIndication> DRUG_INDICATION = new PackTable<>("drug_indication",
            FileKind.DERIVED, "药品限适应症: indication text mapped to ICD-10 prefixes by the keyword dictionary "
            + IndicationDictionary.RESOURCE + " (empty = not mapped)",
            List.of("drug_code", "generic_name", "indication_text", "icd10_prefixes", "source"),
            c -> new DrugIndication(c.required("drug_code"), c.text("generic_name"), c.text("indication_text"),
                    c.list("icd10_prefixes"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.indicationText(), String.join("|", r.icd10Prefixes()),
                    r.source()));

    public static final PackTable<SecondLineDrug> DRUG_SECOND_LINE = new PackTable<>("drug_second_line",
            FileKind.DERIVED, "药品限二线使用: first_line_atc = ATC therapeutic subgroup of the drug code (chars 2-4)",
            List.of("drug_code", "generic_name", "constraint_text", "first_line_atc", "source"),
            c -> new SecondLineDrug(c.required("drug_code"), c.text("generic_name"), c.text("constraint_text"),
                    c.text("first_line_atc"), c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.constraintText(), r.firstLineAtc(), r.source()));

    public static final PackTable<ChildOnlyDrug> DRUG_CHILD_ONLY = new PackTable<>("drug_child_only",
            FileKind.DERIVED, "药品儿童专用 / 药品限儿童使用 (superseded knowledge points dropped)",
            List.of("drug_code", "generic_name", "constraint_text", "source"),
            c -> new ChildOnlyDrug(c.required("drug_code"), c.text("generic_name"), c.text("constraint_text"),
                    c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.constraintText(), r.source()));

    public static final PackTable<TcmPieceNotPaid> TCM_PIECE_NOT_PAID = new PackTable<>("tcm_piece_not_paid",
            FileKind.DERIVED, "中药饮片单方使用不予支付 (scope 单方) / 单复方均不予支付 (scope 单复方)",
            List.of("drug_code", "piece_name", "scope", "constraint_text", "source"),
            c -> new TcmPieceNotPaid(c.required("drug_code"), c.text("piece_name"), c.required("scope"),
                    c.text("constraint_text"), c.text("source")),
            r -> cells(r.drugCode(), r.pieceName(), r.scope(), r.constraintText(), r.source()));

    public static final PackTable<InternetRestrictedDrug> INTERNET_RESTRICTED_DRUG = new PackTable<>(
            "internet_restricted_drug", FileKind.DERIVED, "超互联网医院药品支付范围: not to be prescribed in internet care",
            List.of("drug_code", "generic_name", "constraint_text", "source"),
            c -> new InternetRestrictedDrug(c.required("drug_code"), c.text("generic_name"), c.text("constraint_text"),
                    c.text("source")),
            r -> cells(r.drugCode(), r.genericName(), r.constraintText(), r.source()));

    public static final PackTable<DrgPayment> DRG_PAYMENT = new PackTable<>("drg_payment", FileKind.DERIVED,
            "City DRG weights and payment standards, one row per city x DRG x level (x insurance type)",
            List.of("city", "drg_code", "drg_name", "weight", "standard_yuan", "institution_level", "insurance_type",
                    "source"),
            c -> new DrgPayment(c.required("city"), c.required("drg_code"), c.text("drg_name"), c.decimalOrNull("weight"),
                    c.decimalOrNull("standard_yuan"), c.integerOrNull("institution_level"),
                    c.textOrNull("insurance_type"), c.text("source")),
            r -> cells(r.city(), r.drgCode(), r.drgName(), r.weight(), r.standardYuan(), r.institutionLevel(),
                    r.insuranceType(), r.source()));

    public static final PackTable<Institution> INSTITUTIONS = new PackTable<>("institutions", FileKind.SYNTHETIC,
            "SYNTHETIC institution registry; replace with the region's 定点医疗机构 list (same columns)",
            List.of("institution_code", "name", "admdvs", "level", "type", "internet_qualified",
                    "supplementary_agreement"),
            c -> new Institution(c.required("institution_code"), c.required("name"), c.required("admdvs"),
                    c.integer("level"), c.text("type"), c.bool("internet_qualified"), c.bool("supplementary_agreement")),
            r -> cells(r.institutionCode(), r.name(), r.admdvs(), r.level(), r.type(), r.internetQualified(),
                    r.supplementaryAgreement()));

    public static final PackTable<Doctor> DOCTORS = new PackTable<>("doctors", FileKind.SYNTHETIC,
            "SYNTHETIC doctor registry; replace with the region's 医保医师 list (same columns)",
            List.of("doctor_code", "name", "institution_code", "dept_code", "dept_name", "title"),
            c -> new Doctor(c.required("doctor_code"), c.required("name"), c.required("institution_code"),
                    c.text("dept_code"), c.text("dept_name"), c.text("title")),
            r -> cells(r.doctorCode(), r.name(), r.institutionCode(), r.deptCode(), r.deptName(), r.title()));

    public static final PackTable<Price> PRICES = new PackTable<>("prices", FileKind.SYNTHETIC,
            "SYNTHETIC prices and caps for every code in the tables; replace with the region's 医疗服务价格/药品挂网价 file",
            List.of("code", "kind", "name", "unit", "price_yuan", "price_cap_yuan"),
            c -> new Price(c.required("code"), c.required("kind"), c.text("name"), c.text("unit"),
                    c.decimal("price_yuan"), c.decimal("price_cap_yuan")),
            r -> cells(r.code(), r.kind(), r.name(), r.unit(), r.priceYuan().toPlainString(),
                    r.priceCapYuan().toPlainString()));

    public static final PackTable<ChronicDisease> CHRONIC_DISEASES = new PackTable<>("chronic_diseases",
            FileKind.SYNTHETIC, "SYNTHETIC 门诊慢特病 catalogue; replace with the region's published catalogue",
            List.of("m_code", "name", "icd10_prefixes", "max_online_weeks"),
            c -> new ChronicDisease(c.required("m_code"), c.required("name"), c.list("icd10_prefixes"),
                    c.integer("max_online_weeks")),
            r -> cells(r.mCode(), r.name(), String.join("|", r.icd10Prefixes()), r.maxOnlineWeeks()));

    private static final List<PackTable<?>> ALL = List.of(DRUG_GENDER, ITEM_GENDER, DRUG_AGE, ITEM_AGE,
            DRUG_INSURANCE_TYPE, DRUG_CARE_SETTING, DRUG_INSTITUTION_LEVEL, DRUG_PAYMENT_COURSE, DUPLICATE_CHARGE,
            ITEM_FREQUENCY, ITEM_COURSE, ITEM_PERIOD, SECONDARY_SURGERY, DRUG_INDICATION, DRUG_SECOND_LINE,
            DRUG_CHILD_ONLY, TCM_PIECE_NOT_PAID, INTERNET_RESTRICTED_DRUG, DRG_PAYMENT, INSTITUTIONS, DOCTORS, PRICES,
            CHRONIC_DISEASES);

    private final String name;
    private final FileKind kind;
    private final String description;
    private final List<String> columns;
    private final Function<Cells, R> decoder;
    private final Function<R, List<String>> encoder;

    private PackTable(String name, FileKind kind, String description, List<String> columns,
                      Function<Cells, R> decoder, Function<R, List<String>> encoder) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.columns = List.copyOf(columns);
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** Every table of a pack, in documentation order. */
    public static List<PackTable<?>> all() {
        return ALL;
    }

    /** The table whose file is {@code path} (e.g. {@code tables/prices.csv}). */
    public static PackTable<?> byPath(String path) {
        return ALL.stream().filter(t -> t.path().equals(path)).findFirst().orElseThrow(() -> new PackException(
                "'" + path + "' is not a table of a knowledge pack; tables are " + ALL.stream().map(PackTable::path)
                        .toList()));
    }

    /** Table name, e.g. {@code drug_gender}. */
    public String name() {
        return name;
    }

    /** Path inside the pack, e.g. {@code tables/drug_gender.csv}. */
    public String path() {
        return "tables/" + name + ".csv";
    }

    /** Kind of the table as built (derived or synthetic). */
    public FileKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Parses CSV records (header first) into rows; fails naming {@code file} on a wrong header or bad value. */
    List<R> decode(List<String[]> records, String file) {
        if (records.isEmpty()) {
            throw new PackException(file + ": empty file, expected header " + String.join(",", columns));
        }
        List<String> header = Arrays.stream(records.get(0)).map(String::strip).toList();
        if (!header.equals(columns)) {
            throw new PackException(file + ": wrong header " + String.join(",", header) + "; table " + name
                    + " needs exactly " + String.join(",", columns));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<R> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            String[] record = records.get(i);
            if (record.length > columns.size()) {
                throw new PackException(file + " line " + (i + 1) + ": " + record.length + " cells, header has "
                        + columns.size());
            }
            rows.add(decoder.apply(new Cells(file, i + 1, record, index)));
        }
        return rows;
    }

    /** Reads and parses {@code file}. */
    List<R> read(Path file, String displayName) {
        return decode(CsvFiles.read(file), displayName);
    }

    /** Serialises rows to the canonical CSV bytes of this table. */
    byte[] encode(List<R> rows) {
        return CsvFiles.write(columns, rows.stream().map(encoder).toList());
    }

    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(v -> v == null ? "" : v instanceof BigDecimal d ? d.toPlainString()
                : Objects.toString(v)).toList();
    }

    @Override
    public String toString() {
        return path();
    }
}
