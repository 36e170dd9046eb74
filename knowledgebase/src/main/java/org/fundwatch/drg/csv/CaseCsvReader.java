package org.fundwatch.drg.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.fundwatch.drg.DrgCase;

/**
 * Streams grouper input rows from CSV in the usual grouper shape
 * ({@code Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10_DRGS,ICD9_DRGS}), one row at a
 * time: the file is never held in memory.
 *
 * <p>Columns are found by header name (case-insensitive; extra columns such as a reference {@code drg} are
 * ignored). {@code Index}, {@code gender}, {@code age}, {@code ICD10_DRGS} and {@code ICD9_DRGS} are required in
 * the header; {@code ageDay}, {@code weight}, {@code dept}, {@code inHospitalTime}, {@code leavingType} are
 * optional. Codes are {@code |}-separated (a {@code ,} inside a quoted field is accepted too), principal first. Gender: {@code 1}/{@code 男} male,
 * {@code 2}/{@code 女} female, empty unknown.
 *
 * <p>A bad row (non-numeric age, too few fields, bad gender) becomes a {@link CaseRow} with an error; an
 * empty diagnosis list is not a parse error: the grouper answers it with {@code 0000 主诊断缺失}. A CSV syntax
 * error (e.g. an unclosed quote) ends the stream with one error row, since nothing after it can be trusted.
 */
public final class CaseCsvReader implements Iterator<CaseRow>, Closeable {
    private static final String[] REQUIRED = {"Index", "gender", "age", "ICD10_DRGS", "ICD9_DRGS"};

    private final MappingIterator<String[]> rows;
    private final Map<String, Integer> columns = new HashMap<>();
    private long row;
    private boolean broken;
    private RuntimeException pendingSyntaxError;

    /**
     * Reads the header.
     *
     * @throws IllegalArgumentException when the input is empty or lacks a required column
     * @throws IOException              when reading fails
     */
    public CaseCsvReader(Reader in) throws IOException {
        CsvMapper mapper = new CsvMapper();
        rows = mapper.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in);
        if (!rows.hasNext()) {
            throw new IllegalArgumentException("input is empty: expected a header row with " + String.join(",", REQUIRED));
        }
        String[] header = rows.next();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!columns.containsKey(r.toLowerCase(Locale.ROOT))) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input header lacks column(s) " + String.join(",", missing)
                    + "; expected Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10_DRGS,ICD9_DRGS");
        }
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return pendingSyntaxError != null;
        }
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            broken = true;
            pendingSyntaxError = e;
            return true;
        }
    }

    @Override
    public CaseRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        row++;
        if (pendingSyntaxError == null) {
            try {
                return parse(rows.next());
            } catch (RuntimeException e) {
                broken = true;
                pendingSyntaxError = e;
            }
        }
        RuntimeException e = pendingSyntaxError;
        pendingSyntaxError = null;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return new CaseRow("row " + row, row, null, "CSV格式错误，其后内容未处理: " + msg);
    }

    private CaseRow parse(String[] f) {
        String index = field(f, "Index");
        String id = index == null || index.isBlank() ? "row " + row : index.strip();
        try {
            for (String r : REQUIRED) {
                if (field(f, r) == null) {
                    throw new BadRow("缺少字段 " + r + "（该行只有 " + f.length + " 列）");
                }
            }
            int gender = gender(field(f, "gender"));
            Integer age = integer(f, "age");
            Integer ageDay = integer(f, "ageDay");
            Integer weight = integer(f, "weight");
            Integer los = integer(f, "inHospitalTime");
            List<String> dx = codes(field(f, "ICD10_DRGS"));
            List<String> px = codes(field(f, "ICD9_DRGS"));
            String dept = orEmpty(field(f, "dept"));
            String leaving = orEmpty(field(f, "leavingType"));
            return new CaseRow(id, row, new DrgCase(id, gender, age, ageDay, weight, dept, los, leaving, dx, px), null);
        } catch (BadRow e) {
            return new CaseRow(id, row, null, e.getMessage());
        }
    }

    private String field(String[] f, String name) {
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        return i == null || i >= f.length ? null : f[i];
    }

    private Integer integer(String[] f, String name) {
        String v = field(f, name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() < 0) {
                throw new BadRow(name + " 为负数: '" + s + "'");
            }
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadRow(name + " 不是整数: '" + s + "'");
        }
    }

    private static int gender(String v) {
        String s = v == null ? "" : v.strip();
        return switch (s) {
            case "" -> 0;
            case "1", "男", "M", "m" -> DrgCase.MALE;
            case "2", "女", "F", "f" -> DrgCase.FEMALE;
            case "0", "9" -> 0;
            default -> throw new BadRow("gender 取值无效: '" + s + "'（应为1男/2女）");
        };
    }

    private static List<String> codes(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : v.split("[|,]")) {
            String s = c.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }
}
