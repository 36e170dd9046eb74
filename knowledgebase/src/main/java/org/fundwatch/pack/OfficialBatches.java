package org.fundwatch.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the NHSA official-batch CSVs (batches 1–8, one CSV per published sheet) into typed table rows. Each row's
 * {@code source} is {@code <file>#<line>} (line 1 is the header), so every fact can be traced to the published
 * record.
 */
final class OfficialBatches {
    static final String DIR = "two-libraries/official-batches";

    private final Path dir;

    OfficialBatches(Path referenceRoot) {
        this.dir = referenceRoot.resolve(DIR);
    }

    /** Reference-relative paths of the source files of a table built here. */
    static List<String> sources(String... files) {
        return Arrays.stream(files).map(f -> DIR + "/" + f).toList();
    }

    /** A sheet1 restriction (by generic name) joined to one sheet2 code. */
    record Joined(String code, String genericName, String value, String description, String source) {}

    /**
     * Joins sheet1 (generic name → description and restriction value in {@code valueColumn}) with sheet2 (generic
     * name → national codes). Every sheet2 code must find its generic name in sheet1 and appear once.
     */
    List<Joined> join(String sheet1, String sheet2, String valueColumn) {
        Map<String, Cells> byName = new LinkedHashMap<>();
        for (Cells c : rows(sheet1)) {
            Cells previous = byName.put(c.required("药品通用名"), c);
            if (previous != null) {
                throw c.error("药品通用名", "generic name listed twice in " + sheet1);
            }
        }
        List<Joined> joined = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Cells c : rows(sheet2)) {
            String name = c.required("药品通用名");
            Cells target = byName.get(name);
            if (target == null) {
                throw c.error("药品通用名", "'" + name + "' has no row in " + sheet1);
            }
            String code = c.hasColumn("药品代码") ? c.required("药品代码") : c.required("国标代码");
            if (!codes.add(code)) {
                throw c.error("国标代码", "code " + code + " listed twice");
            }
            joined.add(new Joined(code, name, target.required(valueColumn), target.text("药品说明"),
                    sheet2 + "#" + c.line()));
        }
        return joined;
    }

    List<DrugGender> drugGender() {
        return join("batch1-drug-gender-sheet1.csv", "batch1-drug-gender-sheet2.csv", "限定对象").stream()
                .map(j -> new DrugGender(j.code(), j.genericName(), Gender.ofLabel(j.value()), j.description(),
                        j.source()))
                .toList();
    }

    List<ItemGender> itemGender() {
        String file = "batch1-item-gender.csv";
        return map(file, c -> new ItemGender(c.required("国标代码"), c.text("项目名称"),
                Gender.ofLabel(c.required("限定性别")), c.text("项目说明"), file + "#" + c.line()));
    }

    List<AgeRestriction> drugAge() {
        return join("batch1-drug-age-sheet1.csv", "batch1-drug-age-sheet2.csv", "限定对象").stream()
                .map(j -> {
                    int[] range = ConstraintText.ageRange(j.value());
                    return new AgeRestriction(j.code(), j.genericName(), j.value(), range[0], range[1],
                            j.description(), j.source());
                })
                .toList();
    }

    List<AgeRestriction> itemAge() {
        String batch1 = "batch1-item-age.csv";
        List<AgeRestriction> rows = new ArrayList<>(map(batch1, c -> {
            String target = c.required("限定对象");
            int[] range = ConstraintText.ageRange(target);
            return new AgeRestriction(c.required("国标代码"), c.text("项目名称"), target, range[0], range[1],
                    c.text("限定类型") + ":" + target, batch1 + "#" + c.line());
        }));
        String batch8 = "batch8-2-item-age.csv";
        rows.addAll(map(batch8, c -> {
            int[] range = ConstraintText.ageRange("法定就业年龄");
            return new AgeRestriction(c.required("项目代码"), c.text("项目名称"), "法定就业年龄", range[0], range[1],
                    c.text("备注"), batch8 + "#" + c.line());
        }));
        return rows;
    }

    List<DrugInsuranceType> drugInsuranceType() {
        return join("batch3-drug-insurance-type-sheet1.csv", "batch3-drug-insurance-type-sheet2.csv", "限定对象")
                .stream()
                .map(j -> new DrugInsuranceType(j.code(), j.genericName(), checked(j.value(), "工伤", "生育"),
                        j.description(), j.source()))
                .toList();
    }

    List<DrugCareSetting> drugCareSetting() {
        return join("batch4-drug-care-setting-sheet1.csv", "batch4-drug-care-setting-sheet2.csv", "限定值域").stream()
                .map(j -> new DrugCareSetting(j.code(), j.genericName(), checked(j.value(), "住院", "门诊"),
                        j.description(), j.source()))
                .toList();
    }

    List<DrugInstitutionLevel> drugInstitutionLevel() {
        return join("batch5-drug-institution-level-sheet1.csv", "batch5-drug-institution-level-sheet2.csv", "限定值域")
                .stream()
                .map(j -> new DrugInstitutionLevel(j.code(), j.genericName(),
                        ConstraintText.institutionLevel(j.value()), j.description(), j.source()))
                .toList();
    }

    List<DrugPaymentCourse> drugPaymentCourse() {
        return join("batch6-drug-payment-course-sheet1.csv", "batch6-drug-payment-course-sheet2.csv", "限定值域")
                .stream()
                .map(j -> new DrugPaymentCourse(j.code(), j.genericName(), ConstraintText.days(j.value()),
                        j.description(), j.source()))
                .toList();
    }

    /** The 900 published pairs; the trailing blank record of the sheet is skipped. */
    List<DuplicateChargePair> duplicateCharge() {
        String file = "batch7-item-duplicate-charge.csv";
        return rows(file).stream()
                .filter(c -> !c.text("序号").isEmpty())
                .map(c -> new DuplicateChargePair(c.integer("序号"), c.text("频度"), c.required("主项编码"),
                        c.text("主项名称"), c.required("从项编码"), c.text("从项名称"), c.text("备注"),
                        file + "#" + c.line()))
                .toList();
    }

    /** Rows whose 序号 is a number; the sheet's 合计 and 备注 footer rows are skipped. */
    List<ItemFrequency> itemFrequency() {
        String file = "batch8-1-item-frequency.csv";
        return rows(file).stream()
                .filter(c -> c.text("序号").matches("\\d+"))
                .map(c -> new ItemFrequency(c.required("项目编码"), c.text("项目名称"), c.integer("限制数量"),
                        ConstraintText.frequencyUnit(c.text("数量单位")), file + "#" + c.line()))
                .toList();
    }

    List<ItemCourse> itemCourse() {
        String file = "batch8-3-item-course.csv";
        return map(file, c -> {
            String text = c.text("备注");
            return new ItemCourse(c.required("项目代码"), c.text("项目名称"),
                    ConstraintText.courseTotalDays(text).orElse(null),
                    ConstraintText.courseIntervalDays(text).orElse(null), text, file + "#" + c.line());
        });
    }

    List<ItemPeriod> itemPeriod() {
        String file = "batch8-4-item-period.csv";
        return map(file, c -> new ItemPeriod(c.required("项目代码"), c.text("项目名称"), c.integer("频次上限"),
                c.integer("疗程周期"), c.text("备注"), file + "#" + c.line()));
    }

    List<SecondarySurgery> secondarySurgery() {
        String file = "batch2-item-secondary-surgery.csv";
        return map(file, c -> new SecondarySurgery(c.required("国标代码"), c.text("项目名称"), c.required("限定值域"),
                c.text("项目说明"), file + "#" + c.line()));
    }

    private <R> List<R> map(String file, Function<Cells, R> mapper) {
        return rows(file).stream().map(mapper).toList();
    }

    private List<Cells> rows(String file) {
        Path path = dir.resolve(file);
        List<String[]> records = CsvFiles.read(path);
        if (records.isEmpty()) {
            throw new PackException(path + ": empty");
        }
        Map<String, Integer> index = new HashMap<>();
        String[] header = records.get(0);
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].strip(), i);
        }
        List<Cells> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Cells(DIR + "/" + file, i + 1, records.get(i), index));
        }
        return rows;
    }

    private static String checked(String value, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new PackException("unexpected restriction value '" + value + "', expected one of "
                    + Arrays.toString(allowed));
        }
        return value;
    }
}
