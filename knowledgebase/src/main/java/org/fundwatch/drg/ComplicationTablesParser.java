package org.fundwatch.drg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses 5_MCC, 6_CC ({@code code name 表 7-n} per entry) and 7_CCE (the 排除表: {@code 表 7-n} followed by the
 * principal diagnoses that cancel the MCC/CC).
 *
 * <p>These files come from a PDF extraction: page numbers, repeated column headers, names wrapped onto the
 * next line and several entries run together on one line all occur. They are therefore read as a token
 * stream rather than line by line: every ICD-10 code and every {@code 表 7-n} reference is found with one
 * regular expression, in order. In 5/6 a table reference (or "无", no exclusion) closes all codes seen since
 * the previous one;
 * in 7 a table reference opens a table and the codes that follow belong to it.
 */
final class ComplicationTablesParser {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9.])([A-Z][0-9]{2}\\.[0-9xX][0-9A-Za-z]*(?:\\+[A-Z][0-9]{2}(?:\\.[0-9xX-]+)?\\*)?)"
                    + "|表\\s*7-(\\d+)"
                    + "|(?<=\\s)(无)(?=\\s|$)", Pattern.MULTILINE);

    /** Table number recorded for an MCC/CC whose 排除内容 is "无" (nothing cancels it). */
    static final int NO_EXCLUSION = -1;

    private ComplicationTablesParser() {
    }

    /** Diagnosis id → exclusion table number, from 5_MCC or 6_CC. */
    static Map<Integer, Integer> parseList(String text, CodeIndex diagnoses, String file) {
        Map<Integer, Integer> out = new HashMap<>();
        List<Integer> pending = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                pending.add(diagnoses.intern(m.group(1)));
            } else {
                int table = m.group(2) != null ? Integer.parseInt(m.group(2)) : NO_EXCLUSION;
                for (int id : pending) {
                    out.putIfAbsent(id, table);
                }
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(file + ": " + pending.size() + " codes at the end have no 排除表");
        }
        return out;
    }

    /** Exclusion table number → principal diagnoses that cancel it, from 7_CCE. */
    static Map<Integer, BitSet> parseExclusions(String text, CodeIndex diagnoses) {
        Map<Integer, BitSet> out = new HashMap<>();
        BitSet current = null;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                if (current == null) {
                    throw new IllegalStateException("7_CCE.txt: code " + m.group(1) + " before any 表 7-n");
                }
                current.set(diagnoses.intern(m.group(1)));
            } else if (m.group(2) != null) {
                current = out.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new BitSet());
            }
        }
        return out;
    }
}
