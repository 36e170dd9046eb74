package org.fundwatch.drg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the codes of one code system (diagnoses or procedures) as dense int ids so that every table
 * becomes a {@link java.util.BitSet} or an int array indexed by id.
 *
 * <p>Diagnosis codes are normalised to their primary (剑号 †) part: {@code A17.000+G01*} and {@code A17.000}
 * are the same disease for grouping; the 星号 (*) manifestation code only qualifies it. The CHS-DRG 1.1
 * lists carry both spellings, cases carry either.
 *
 * <p>Mutable while the tables load; read-only (and then safe to share between threads) afterwards.
 */
final class CodeIndex {
    private final boolean diagnosis;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> codes = new ArrayList<>();

    CodeIndex(boolean diagnosis) {
        this.diagnosis = diagnosis;
    }

    /** The id of {@code code}, assigning a new one when unseen. */
    int intern(String code) {
        String key = normalise(code);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int next = codes.size();
        codes.add(key);
        ids.put(key, next);
        return next;
    }

    /** The id of {@code code}, or {@code -1} when the tables never mention it. */
    int id(String code) {
        if (code == null) {
            return -1;
        }
        Integer id = ids.get(normalise(code));
        if (id == null) {
            // Tolerate case slips in the extension part ("X001" for "x001", lower-case chapter letter).
            String relaxed = relax(normalise(code));
            id = ids.get(relaxed);
        }
        return id == null ? -1 : id;
    }

    String code(int id) {
        return codes.get(id);
    }

    int size() {
        return codes.size();
    }

    private String normalise(String code) {
        String c = code.strip();
        if (diagnosis) {
            int plus = c.indexOf('+');
            if (plus > 0) {
                c = c.substring(0, plus);
            }
        }
        return c;
    }

    private static String relax(String code) {
        if (code.isEmpty()) {
            return code;
        }
        StringBuilder sb = new StringBuilder(code.length());
        sb.append(Character.toUpperCase(code.charAt(0)));
        for (int i = 1; i < code.length(); i++) {
            char ch = code.charAt(i);
            sb.append(ch == 'X' ? 'x' : ch);
        }
        return sb.toString();
    }
}
