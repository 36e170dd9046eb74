package org.fundwatch.pack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Normalises the city DRG payment tables ({@code drg-payment/<city>-<year>.csv}) into one row per
 * city × DRG × institution level (× insurance type). The cities publish different shapes:
 * <ul>
 *   <li>one standard for all levels ({@code RW, 支付标准}: Beijing) → level empty;</li>
 *   <li>weights only ({@code 初始权重}: Changsha) → standard empty;</li>
 *   <li>a standard per level ({@code 一级医院支付标准 …}: Suzhou) → one row per level;</li>
 *   <li>a standard per level and insurance type ({@code 二级医院支付标准（职工）}: Wuhan) → one row per pair.</li>
 * </ul>
 * A weight that is not a number (按项目据实支付, 无: the DRG is paid by item) is kept as an empty weight.
 */
final class DrgPaymentTables {
    static final String DIR = "drg-payment";

    private static final Pattern FILE = Pattern.compile("([a-z]+)-(\\d{4})\\.csv");
    private static final Pattern LEVEL_STANDARD = Pattern.compile("([一二三])级医院支付标准(?:[（(](职工|居民)[）)])?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private DrgPaymentTables() {
    }

    /** The source files, sorted by name. */
    static List<Path> files(Path referenceRoot) {
        Path dir = referenceRoot.resolve(DIR);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new PackException(dir + ": cannot list DRG payment tables (" + e.getMessage() + ")", e);
        }
    }

    static List<DrgPayment> read(Path referenceRoot) {
        List<DrgPayment> rows = new ArrayList<>();
        for (Path file : files(referenceRoot)) {
            rows.addAll(readCity(file));
        }
        return rows;
    }

    private static List<DrgPayment> readCity(Path file) {
        String fileName = file.getFileName().toString();
        Matcher fm = FILE.matcher(fileName);
        if (!fm.matches()) {
            throw new IllegalArgumentException(fileName);
        }
        String city = fm.group(1);
        List<String[]> records = CsvFiles.read(file);
        String[] header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        List<int[]> levelColumns = new ArrayList<>();
        List<String> insuranceOfColumn = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String column = header[i].strip();
            index.put(column, i);
            Matcher m = LEVEL_STANDARD.matcher(column);
            if (m.matches()) {
                levelColumns.add(new int[] {ConstraintText.institutionLevel(m.group(1) + "级"), i});
                insuranceOfColumn.add(m.group(2));
            }
        }
        String weightColumn = index.containsKey("RW") ? "RW" : "初始权重";
        if (!index.containsKey(weightColumn) || !index.containsKey("DRG编码")) {
            throw new PackException(DIR + "/" + fileName + ": needs columns DRG编码 and RW (or 初始权重)");
        }
        List<DrgPayment> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Cells c = new Cells(DIR + "/" + fileName, r + 1, records.get(r), index);
            String drg = c.text("DRG编码");
            if (drg.isEmpty()) {
                continue;
            }
            String source = fileName + "#" + (r + 1);
            BigDecimal weight = number(c.text(weightColumn));
            if (!levelColumns.isEmpty()) {
                for (int k = 0; k < levelColumns.size(); k++) {
                    String value = c.text(header[levelColumns.get(k)[1]].strip());
                    rows.add(new DrgPayment(city, drg, c.text("DRG名称"), weight, number(value),
                            levelColumns.get(k)[0], insuranceOfColumn.get(k), source));
                }
            } else {
                BigDecimal standard = index.containsKey("支付标准") ? number(c.text("支付标准")) : null;
                rows.add(new DrgPayment(city, drg, c.text("DRG名称"), weight, standard, null, null, source));
            }
        }
        return rows;
    }

    private static BigDecimal number(String text) {
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }
}
