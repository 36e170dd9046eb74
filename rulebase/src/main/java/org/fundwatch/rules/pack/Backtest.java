package org.fundwatch.rules.pack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** A pack under test: label and compiled engine. */
    public record Candidate(String label, RuleEngine engine) {
    }

    /** Per-rule totals of one pack. */
    public record RuleTotals(String ruleId, String ruleName, String code, long hits, long amountFen) {
    }

    /** The result for one pack. */
    public record PackResult(String label, Map<String, RuleTotals> rules, long failures, List<DetectionScore.ClassScore> scores) {
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
        List<DetectionScore.LabelledCase> truth = DetectionScore.readGroundTruth(groundTruth);
        List<PackResult> results = collectors.stream().map(c -> c.result(truth)).toList();
        return new Result(counts, dataset.deadLetters(), results, !truth.isEmpty());
    }

    /** Accumulates one pack's findings. */
    private static final class Collector {
        final Candidate candidate;
        final Set<String> seen = new HashSet<>();
        final Map<String, long[]> totals = new TreeMap<>();
        final Map<String, String[]> names = new HashMap<>();
        final DetectionScore detection = new DetectionScore();
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
                detection.add(f.officialCode(), f.ruleName(), f.subject().encounterId());
            }
        }

        PackResult result(List<DetectionScore.LabelledCase> truth) {
            Map<String, RuleTotals> rules = new LinkedHashMap<>();
            totals.forEach((id, t) -> rules.put(id, new RuleTotals(id, names.get(id)[0], names.get(id)[1], t[0], t[1])));
            return new PackResult(candidate.label(), rules, failures, detection.scores(truth));
        }
    }
}
