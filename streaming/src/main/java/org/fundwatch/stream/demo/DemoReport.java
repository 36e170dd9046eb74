package org.fundwatch.stream.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.rules.pack.DetectionScore;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.stream.job.StreamResult;

/**
 * The demo's summary, read back from ClickHouse as a supervisor's dashboard would: alerts per rule class and rule,
 * amount at risk, and detection recall/precision per labelled class against the generator's ground truth.
 */
final class DemoReport {
    /** What the report computed, for callers and tests. */
    record Summary(long alerts, BigDecimal amountAtRisk, int labelledCases, int detectedCases, long findingsOnLabels,
                   long findingsOfLabelledClasses, List<DetectionScore.ClassScore> scores) {
        /** Detected labelled cases / labelled cases, over all classes. */
        double recall() {
            return labelledCases == 0 ? 0 : (double) detectedCases / labelledCases;
        }

        /** Findings of labelled classes on labelled encounters / findings of labelled classes. */
        double precision() {
            return findingsOfLabelledClasses == 0 ? Double.NaN : (double) findingsOnLabels / findingsOfLabelledClasses;
        }
    }

    private final ClickHouseStore store;
    private final PrintWriter out;

    DemoReport(ClickHouseStore store, PrintWriter out) {
        this.store = store;
        this.out = out;
    }

    Summary print(StreamResult stream, RulePackSource pack, Path groundTruth) {
        out.printf("    records in %,d = processed %,d + dead-lettered %,d%s; fee lines %,d%n", stream.recordsIn(),
                stream.processed(), stream.deadLettered(), stream.reconciles() ? "" : "  (DOES NOT RECONCILE)",
                stream.feeLines());
        String alerts = store.table("alerts");
        List<Map<String, Object>> byRule = store.queryJsonEachRow("SELECT rule_class, rule_id, any(rule_name) AS name, "
                + "count() AS n, sum(amount_at_risk) AS amount FROM " + alerts + " FINAL "
                + "GROUP BY rule_class, rule_id ORDER BY rule_class, n DESC FORMAT JSONEachRow");
        Map<String, long[]> classCounts = new TreeMap<>();
        Map<String, BigDecimal> classAmounts = new TreeMap<>();
        long total = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (Map<String, Object> r : byRule) {
            String ruleClass = String.valueOf(r.get("rule_class"));
            long n = Long.parseLong(String.valueOf(r.get("n")));
            BigDecimal a = new BigDecimal(String.valueOf(r.get("amount")));
            classCounts.computeIfAbsent(ruleClass, k -> new long[1])[0] += n;
            classAmounts.merge(ruleClass, a, BigDecimal::add);
            total += n;
            amount = amount.add(a);
        }
        out.printf("    alerts: %,d, amount at risk ¥%,.2f%n", total, amount);
        out.printf("    %-16s %8s %16s%n", "rule class", "alerts", "amount (yuan)");
        classCounts.forEach((c, n) -> out.printf("    %-16s %,8d %,16.2f%n", c.isEmpty() ? "-" : c, n[0],
                classAmounts.get(c)));
        out.printf("    %-34s %-22s %8s %14s%n", "rule", "", "alerts", "amount (yuan)");
        for (Map<String, Object> r : byRule) {
            out.printf("    %-34s %-22s %,8d %,14.2f%n", r.get("rule_id"), r.get("name"),
                    Long.parseLong(String.valueOf(r.get("n"))), new BigDecimal(String.valueOf(r.get("amount"))));
        }
        return detection(pack, groundTruth, total, amount);
    }

    private Summary detection(RulePackSource pack, Path groundTruth, long total, BigDecimal amount) {
        DetectionScore score = new DetectionScore();
        Map<String, RuleMetadata> rules = new TreeMap<>();
        pack.rules().forEach(r -> rules.put(r.id(), r));
        for (Map<String, Object> r : store.queryJsonEachRow("SELECT rule_id, mdtrt_id FROM " + store.table("alerts")
                + " FINAL FORMAT JSONEachRow")) {
            RuleMetadata rule = rules.get(String.valueOf(r.get("rule_id")));
            score.add(rule == null ? null : rule.code(), rule == null ? null : rule.name(),
                    String.valueOf(r.get("mdtrt_id")));
        }
        List<DetectionScore.ClassScore> scores = new ArrayList<>(score.scores(DetectionScore.readGroundTruth(groundTruth)));
        int cases = 0;
        int detected = 0;
        long findings = 0;
        long truePositives = 0;
        out.printf("    detection against %s%n", groundTruth);
        out.printf("    %-18s %-26s %6s %8s %7s %9s%n", "code", "rule class", "cases", "detected", "recall",
                "precision");
        for (DetectionScore.ClassScore s : scores) {
            out.printf("    %-18s %-26s %6d %8d %7.3f %9s%n", s.code() == null ? "-" : s.code(), s.ruleClass(),
                    s.cases(), s.detected(), s.recall(),
                    Double.isNaN(s.precision()) ? "-" : String.format("%.3f", s.precision()));
            cases += s.cases();
            detected += s.detected();
            findings += s.findings();
            truePositives += s.truePositives();
        }
        Summary summary = new Summary(total, amount, cases, detected, truePositives, findings, scores);
        out.printf("    overall: recall %.3f (%d of %d labelled cases), precision %.3f over the labelled classes%n",
                summary.recall(), detected, cases, summary.precision());
        return summary;
    }
}
