package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Detection recall and precision against the data generator's labels ({@code ground-truth.jsonl}), per rule class:
 * a labelled case is detected when a finding of its class names one of its encounters; a finding is a true positive
 * when its encounter is labelled with its class. A class is the official code (GZ…) where the label has one, else
 * the class name — findings count under both their official code and their rule name. Used by the backtest (findings
 * in memory) and the demo (alerts read back from ClickHouse).
 */
public final class DetectionScore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Recall/precision of one rule class against the ground truth. */
    public record ClassScore(String ruleClass, String code, int cases, int detected, long findings, long truePositives) {
        /** Detected cases / labelled cases. */
        public double recall() {
            return cases == 0 ? 0 : (double) detected / cases;
        }

        /** Findings on labelled encounters / findings; NaN without findings. */
        public double precision() {
            return findings == 0 ? Double.NaN : (double) truePositives / findings;
        }
    }

    /** One labelled case. */
    public record LabelledCase(String ruleClass, String code, Set<String> encounterIds) {
        String key() {
            return code != null ? code : ruleClass;
        }
    }

    /** class key → encounter ids with a finding of that class. */
    private final Map<String, Set<String>> encountersByClass = new HashMap<>();
    private final Map<String, List<String>> findingEncountersByClass = new HashMap<>();

    /** Records one finding (or alert) of a rule with this official code (may be null) and name, about an encounter. */
    public void add(String officialCode, String ruleName, String encounterId) {
        for (String key : new String[] {officialCode, ruleName}) {
            if (key != null && !key.isEmpty()) {
                encountersByClass.computeIfAbsent(key, k -> new HashSet<>()).add(encounterId);
                findingEncountersByClass.computeIfAbsent(key, k -> new ArrayList<>()).add(encounterId);
            }
        }
    }

    /** The scores of every labelled class, ordered by class key. */
    public List<ClassScore> scores(List<LabelledCase> truth) {
        Map<String, List<LabelledCase>> byClass = new TreeMap<>();
        truth.forEach(c -> byClass.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
        List<ClassScore> scores = new ArrayList<>();
        for (List<LabelledCase> cases : byClass.values()) {
            LabelledCase first = cases.get(0);
            String key = first.key();
            Set<String> flagged = new HashSet<>(encountersByClass.getOrDefault(key, Set.of()));
            if (first.code() == null) {
                flagged.addAll(encountersByClass.getOrDefault(first.ruleClass(), Set.of()));
            }
            int detected = (int) cases.stream().filter(c -> c.encounterIds().stream().anyMatch(flagged::contains)).count();
            Set<String> labelled = new TreeSet<>();
            cases.forEach(c -> labelled.addAll(c.encounterIds()));
            List<String> findingEncounters = findingEncountersByClass.getOrDefault(key, List.of());
            long truePositives = findingEncounters.stream().filter(labelled::contains).count();
            scores.add(new ClassScore(first.ruleClass(), first.code(), cases.size(), detected, findingEncounters.size(),
                    truePositives));
        }
        return scores;
    }

    /** The labelled cases of a generator's {@code ground-truth.jsonl}; empty when the file does not exist. */
    public static List<LabelledCase> readGroundTruth(Path file) {
        List<LabelledCase> out = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                Set<String> encounters = new HashSet<>();
                n.path("mdtrt_ids").forEach(e -> encounters.add(e.asText()));
                String code = n.path("gz_code").asText("");
                out.add(new LabelledCase(n.path("rule_class").asText(), code.isBlank() ? null : code, encounters));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable ground truth (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
