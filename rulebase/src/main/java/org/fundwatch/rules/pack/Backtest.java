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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundwatch.cli.Progress;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.rules.engine.Evaluation;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleEngine;

/**
 * Runs one or two compiled rule packs over a {@link BacktestDataset} and reports, per rule, the distinct findings
 * (by finding id, so a 3101 request and the later fee details of the same encounter count once) and the amount at
 * risk, the change between the packs, and — when the dataset has {@code ground-truth.jsonl} — recall and precision
 * per rule class (official code, else class name), matched on encounter.
 */
public final class Backtest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pack under test: label and compiled engine. */
    public record Candidate(String label, RuleEngine engine) {
    }

    /** Per-rule totals of one pack. */
    public record RuleTotals(String ruleId, String ruleName, String code, long hits, long amountFen) {
    }

    /** Recall/precision of one rule class against the ground truth. */
    public record ClassScore(String ruleClass, String code, int cases, int detected, long findings, long truePositives) {
        /** detected / cases, or NaN without cases. */
        public double recall() {
            return cases == 0 ? Double.NaN : (double) detected / cases;
        }

        /** true positives / findings, or NaN without findings. */
        public double precision() {
            return findings == 0 ? Double.NaN : (double) truePositives / findings;
        }
    }

    /** The result for one pack. */
    public record PackResult(String label, Map<String, RuleTotals> rules, long failures, List<ClassScore> scores) {
        public long hits() {
            return rules.values().stream().mapToLong(RuleTotals::hits).sum();
        }

        public long amountFen() {
            return rules.values().stream().mapToLong(RuleTotals::amountFen).sum();
        }
    }

    /** Everything a backtest found. */
    public record Result(BacktestDataset.Counts counts, List<BacktestDataset.DeadLetter> deadLetters,
                         List<PackResult> packs, boolean hasGroundTruth) {
    }

    private Backtest() {
    }

    /** Runs {@code candidates} (one or two) over {@code dataset}. */
    public static Result run(BacktestDataset dataset, List<Candidate> candidates, Path groundTruth) {
        List<Collector> collectors = candidates.stream().map(Collector::new).toList();
        BacktestDataset.Counts counts;
        try (Progress progress = new Progress("backtest", -1)) {
            counts = dataset.read(context -> {
                collectors.forEach(c -> c.evaluate(context));
                progress.advance(1);
            });
        }
        List<GroundTruthCase> truth = groundTruth != null && Files.isRegularFile(groundTruth)
                ? readGroundTruth(groundTruth) : List.of();
        List<PackResult> results = collectors.stream().map(c -> c.result(truth)).toList();
        return new Result(counts, dataset.deadLetters(), results, !truth.isEmpty());
    }

    /** One labelled case of {@code ground-truth.jsonl}. */
    record GroundTruthCase(String ruleClass, String code, Set<String> encounterIds) {
        String key() {
            return code != null ? code : ruleClass;
        }
    }

    static List<GroundTruthCase> readGroundTruth(Path file) {
        List<GroundTruthCase> out = new ArrayList<>();
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
                out.add(new GroundTruthCase(n.path("rule_class").asText(), code.isBlank() ? null : code, encounters));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable ground truth (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** Accumulates one pack's findings. */
    private static final class Collector {
        final Candidate candidate;
        final Set<String> seen = new HashSet<>();
        final Map<String, long[]> totals = new TreeMap<>();
        final Map<String, String[]> names = new HashMap<>();
        /** class key → encounter ids with a finding of that class. */
        final Map<String, Set<String>> encountersByClass = new HashMap<>();
        final Map<String, Long> findingsByClass = new HashMap<>();
        final Map<String, List<String>> findingEncountersByClass = new HashMap<>();
        long failures;

        Collector(Candidate candidate) {
            this.candidate = candidate;
        }

        void evaluate(EncounterContext context) {
            Evaluation evaluation = candidate.engine().evaluate(context, context.phase());
            failures += evaluation.failures().size();
            for (Finding f : evaluation.findings()) {
                if (!seen.add(f.id())) {
                    continue;
                }
                long[] t = totals.computeIfAbsent(f.ruleId(), k -> new long[2]);
                t[0]++;
                t[1] += f.amountAtRisk() == null ? 0 : f.amountAtRisk().fen();
                names.putIfAbsent(f.ruleId(), new String[] {f.ruleName(), f.officialCode()});
                for (String key : classKeys(f)) {
                    encountersByClass.computeIfAbsent(key, k -> new HashSet<>()).add(f.subject().encounterId());
                    findingsByClass.merge(key, 1L, Long::sum);
                    findingEncountersByClass.computeIfAbsent(key, k -> new ArrayList<>()).add(f.subject().encounterId());
                }
            }
        }

        static List<String> classKeys(Finding f) {
            List<String> keys = new ArrayList<>(2);
            if (f.officialCode() != null) {
                keys.add(f.officialCode());
            }
            if (f.ruleName() != null) {
                keys.add(f.ruleName());
            }
            return keys;
        }

        PackResult result(List<GroundTruthCase> truth) {
            Map<String, RuleTotals> rules = new LinkedHashMap<>();
            totals.forEach((id, t) -> rules.put(id, new RuleTotals(id, names.get(id)[0], names.get(id)[1], t[0], t[1])));
            Map<String, List<GroundTruthCase>> byClass = new TreeMap<>();
            truth.forEach(c -> byClass.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
            List<ClassScore> scores = new ArrayList<>();
            for (Map.Entry<String, List<GroundTruthCase>> e : byClass.entrySet()) {
                List<GroundTruthCase> cases = e.getValue();
                GroundTruthCase first = cases.get(0);
                String key = first.key();
                Set<String> flagged = new HashSet<>(encountersByClass.getOrDefault(key, Set.of()));
                if (first.code() == null) {
                    flagged.addAll(encountersByClass.getOrDefault(first.ruleClass(), Set.of()));
                }
                int detected = (int) cases.stream().filter(c -> c.encounterIds().stream().anyMatch(flagged::contains))
                        .count();
                Set<String> labelled = new TreeSet<>();
                cases.forEach(c -> labelled.addAll(c.encounterIds()));
                List<String> findingEncounters = findingEncountersByClass.getOrDefault(key, List.of());
                long truePositives = findingEncounters.stream().filter(labelled::contains).count();
                scores.add(new ClassScore(first.ruleClass(), first.code(), cases.size(), detected,
                        findingEncounters.size(), truePositives));
            }
            return new PackResult(candidate.label(), rules, failures, scores);
        }
    }
}
