package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.rules.pack.Backtest;
import org.fundwatch.rules.pack.BacktestDataset;
import org.fundwatch.rules.pack.DetectionScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national pack over a generated month: every line is accounted for, and the labelled anomalies of the classes
 * the pack implements are found (recall) without flooding the supervisors (precision), per rule class.
 */
class GeneratorBacktestTest {

    /** Classes whose labelled cases the pack must find completely with few false alarms. */
    private static final Set<String> EXACT = Set.of("药品区分性别使用", "药品儿童专用", "药品限医疗机构级别", "药品限支付疗程",
            "医疗服务项目重复收费", "医疗服务项目限定频次", "医疗服务项目区分性别使用", "手术项目未按规定折价收费", "重复开药",
            "分解住院", "频繁门诊", "频繁购药", "互联网首诊按复诊结算", "超互联网医院药品支付范围", "参保人死亡后发生医疗费用",
            "药品限就医方式");

    @Test
    void nationalPackFindsTheGeneratorsLabelledAnomalies(@TempDir Path tmp) throws Exception {
        var kb = TestKb.kb();
        Path out = tmp.resolve("data");
        new SyntheticDataGenerator(GeneratorConfig.of(11, 30, 4000, LocalDate.of(2025, 6, 1), 0.03),
                CsvGeneratorCatalog.load(kb.dir())).generate(out, n -> { });

        BacktestDataset dataset = new BacktestDataset(out, kb);
        Backtest.Result result = Backtest.run(dataset, List.of(new Backtest.Candidate("national", TestKb.national())),
                out.resolve("ground-truth.jsonl"));

        BacktestDataset.Counts counts = result.counts();
        assertTrue(counts.reconciles(), counts.toString());
        assertEquals(0, counts.deadLettered(), () -> "generator output is valid: " + result.deadLetters());
        Backtest.PackResult pack = result.packs().get(0);
        assertEquals(0, pack.failures(), "no rule threw");
        Map<String, DetectionScore.ClassScore> scores = pack.scores().stream()
                .collect(Collectors.toMap(DetectionScore.ClassScore::ruleClass, s -> s));
        for (String ruleClass : EXACT) {
            DetectionScore.ClassScore s = scores.get(ruleClass);
            if (s == null || s.cases() == 0) {
                continue; // the seed injected no case of this class
            }
            assertEquals(1.0, s.recall(), 1e-9, ruleClass + ": every labelled case is found: " + s);
            assertTrue(s.precision() >= 0.5, ruleClass + ": most findings are labelled cases: " + s);
        }
        long covered = EXACT.stream().filter(c -> scores.containsKey(c) && scores.get(c).cases() > 0).count();
        assertTrue(covered >= 12, "the month contains cases of most classes, got " + covered);
    }
}
