package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.junit.jupiter.api.Test;

/** The shared 3101 sample: its first order (female-only device, male patient) must give 药品区分性别使用. */
class SampleRequestTest {

    static EncounterContext sample() throws IOException {
        byte[] json = Files.readAllBytes(TestKb.reference().resolve("samples/3101-request.json"));
        ParseResult r = new MessageParser().parse(json);
        assertTrue(r.isOk(), () -> "sample does not parse: " + r.errors());
        return AnalysisAdapter.toContexts(r.transaction().orElseThrow(), r.request(AnalysisInput.class).input().data()).get(0);
    }

    @Test
    void firstOrderIsAGenderViolationAndTheSecondIsNot() throws IOException {
        EncounterContext ctx = sample();
        Evaluation result = TestKb.national().evaluate(ctx, ctx.phase());
        assertEquals(List.of(), result.failures());
        List<Finding> gender = result.findings().stream().filter(f -> f.ruleId().equals("drug-gender")).toList();
        assertEquals(1, gender.size(), () -> "findings: " + result.findings());
        Finding f = gender.get(0);
        assertEquals(List.of("RX0001"), f.subject().lineIds());
        assertEquals("GZ10000301004000", f.officialCode());
        assertEquals("药品区分性别使用", f.ruleName());
        assertEquals("明确违规", f.severity());
        assertEquals(Phase.PRE, f.phase());
        assertEquals("XG02BAZ061Z007010279543", f.evidence().get("药品编码"));
        assertEquals("女", f.evidence().get("限定性别"));
        assertEquals("男", f.evidence().get("患者性别"));
        assertEquals(Money.ofYuan("1153.00"), f.amountAtRisk());
        assertEquals("national", f.packName());
        assertEquals(TestKb.national().pack().info().version(), f.packVersion());
        assertEquals(TestKb.kb().version(), f.kbVersion());
        assertEquals("43079600000000012345", f.subject().patientId());
        assertEquals("MDT20250504000123", f.subject().encounterId());
        assertEquals(32, f.id().length());
        assertTrue(result.findings().stream().noneMatch(x -> x.subject().lineIds().contains("RX0002")),
                () -> "the second order must give no finding: " + result.findings());
        // Deterministic id: a second evaluation gives the same ids.
        assertEquals(result.findings().stream().map(Finding::id).toList(),
                TestKb.national().evaluate(ctx, ctx.phase()).findings().stream().map(Finding::id).toList());
        result.findings().forEach(x -> System.out.println("sample finding: " + x.ruleId() + " " + x.subject().lineIds() + " " + x.evidence()));
    }
}
