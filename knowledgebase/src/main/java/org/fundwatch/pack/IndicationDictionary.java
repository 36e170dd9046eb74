package org.fundwatch.pack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps the indication text of 药品限适应症 to ICD-10 category prefixes with the keyword dictionary in
 * {@value #RESOURCE} (keyword, prefixes, the ICD-10 category names they stand for). Matching is greedy
 * longest-keyword-first and consumes the matched text, so a specific cancer (乳腺癌 → C50) is not widened by the
 * generic 癌 → C. Unmatched texts give an empty list: the rule then has no diagnosis to check against and must
 * route the line to manual review.
 */
final class IndicationDictionary {
    static final String RESOURCE = "indication-icd10.tsv";

    private record Entry(String keyword, List<String> prefixes) {}

    private final List<Entry> entries;

    private IndicationDictionary(List<Entry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt((Entry e) -> e.keyword().length()).reversed()
                        .thenComparing(Entry::keyword))
                .toList();
    }

    /** The dictionary shipped with this build. */
    static IndicationDictionary standard() {
        try (InputStream in = IndicationDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length < 2) {
                    throw new IllegalStateException(RESOURCE + ": malformed line '" + line + "'");
                }
                entries.add(new Entry(parts[0].strip(), Arrays.stream(parts[1].split("\\|")).map(String::strip)
                        .toList()));
            }
            return new IndicationDictionary(entries);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Sorted, distinct ICD-10 prefixes for an indication text; empty when no keyword matches. */
    List<String> map(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String rest = text;
        TreeSet<String> prefixes = new TreeSet<>();
        for (Entry e : entries) {
            if (rest.contains(e.keyword())) {
                prefixes.addAll(e.prefixes());
                rest = rest.replace(e.keyword(), "\u0000");
            }
        }
        return List.copyOf(prefixes);
    }
}
