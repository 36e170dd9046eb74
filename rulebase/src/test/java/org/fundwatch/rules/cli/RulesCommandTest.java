package org.fundwatch.rules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fundwatch.rules.pack.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {
    static String kb;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void knowledgePack() {
        kb = Fixtures.kb().dir().toString();
    }

    static Run run(String... args) {
        CommandLine cli = RulesMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsAGoodPackAndReportsProblemsWithFileAndLine() {
        Path good = Fixtures.writePack(tmp.resolve("good"), "1.0.0");
        Run ok = run("validate", "--pack", good.toString(), "--kb", kb);
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("test/1.0.0 valid: 1 rules, 2 test cases"), ok.out());

        Path bad = Fixtures.writePack(tmp.resolve("bad"), "1.0.0");
        Fixtures.write(bad.resolve("rules/drug.rules.yaml"), Files.exists(bad) ? """
                - id: drug-gender
                  code: GZ10000301004000
                  name: 药品区分性别使用
                  tier1: 医疗类
                  tier2: 药品合理使用类
                  phases: [pre]
                  severity: 明确违规
                  basis: 依据
                  tables: [drug_gender, no_such_table]
                  effective_from: 2024-01-01
                  owner: test-team
                """ : "");
        Fixtures.write(bad.resolve("tests/drug-gender.yaml"), """
                - name: only fires
                  given: {"patn_id": "1", "gend": "1"}
                  expect: { fires: true }
                """);
        Run invalid = run("validate", "--pack", bad.toString(), "--kb", kb);
        assertEquals(1, invalid.exit());
        assertTrue(invalid.err().contains("rules/drug.rules.yaml:1: rule drug-gender: unknown knowledge table 'no_such_table'"),
                invalid.err());
        assertTrue(invalid.err().contains("tests/drug-gender.yaml:1: rule drug-gender: no silent case"), invalid.err());

        Path noMeta = Fixtures.writePack(tmp.resolve("nometa"), "1.0.0");
        Fixtures.write(noMeta.resolve("rules/drug.rules.yaml"), "[]\n");
        Run missing = run("validate", "--pack", noMeta.toString(), "--kb", kb);
        assertEquals(1, missing.exit());
        assertTrue(missing.err().matches("(?s).*rules/drug.drl:\\d+: rule \"drug-gender\" has no metadata entry.*"),
                missing.err());

        Path broken = Fixtures.writePack(tmp.resolve("broken"), "1.0.0");
        Fixtures.write(broken.resolve("rules/drug.drl"), Fixtures.readDrl().replace("genderOnly != null", "noSuchField != null"));
        Run compile = run("validate", "--pack", broken.toString(), "--kb", kb);
        assertEquals(1, compile.exit());
        assertTrue(compile.err().matches("(?s).*rules/drug.drl:\\d+: .*"), compile.err());
    }

    @Test
    void testPrintsTheTableAndFailures() {
        Run ok = run("test", "--pack", Fixtures.writePack(tmp.resolve("good"), "1.0.0").toString(), "--kb", kb);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().matches("(?s).*drug-gender\\s+药品区分性别使用\\s+2\\s+2\\s+0.*"), ok.out());

        Run failing = run("test", "--pack", Fixtures.writeFailingPack(tmp.resolve("bad"), "1.0.0").toString(), "--kb", kb);
        assertEquals(1, failing.exit());
        assertTrue(failing.out().matches("(?s).*drug-gender\\s+药品区分性别使用\\s+2\\s+1\\s+1.*"), failing.out());
        assertTrue(failing.out().contains("FAIL drug-gender tests/drug-gender.yaml:"), failing.out());
        assertTrue(failing.out().contains("expected no finding"), failing.out());
    }

    @Test
    void buildPublishRetireList() {
        String registry = tmp.resolve("registry").toString();
        Path v1 = Fixtures.writePack(tmp.resolve("v1"), "1.0.0");
        Run build = run("build", "--pack", v1.toString(), "--kb", kb, "--registry", registry, "--name", "test");
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(build.out().contains("built test/1.0.0 sha256 "), build.out());
        assertTrue(build.out().contains("status tested"), build.out());
        Run again = run("build", "--pack", v1.toString(), "--kb", kb, "--registry", registry);
        assertTrue(again.out().contains("already built (same content)"), again.out());

        Run publish = run("publish", "1.0.0", "--registry", registry, "--name", "test", "--effective-from", "2025-01-01");
        assertEquals(0, publish.exit(), publish.err());
        assertTrue(publish.out().contains("published test/1.0.0 effective from 2024-12-31T16:00:00Z"), publish.out());
        Run list = run("list", "--registry", registry);
        assertTrue(list.out().matches("(?s).*\\* test\\s+1\\.0\\.0\\s+published.*"), list.out());
        Run retire = run("retire", "1.0.0", "--registry", registry, "--name", "test", "--at", "2025-02-01T00:00:00Z");
        assertEquals(0, retire.exit(), retire.err());
        assertTrue(run("list", "--registry", registry).out().contains("retired"));
        Run wrongTime = run("publish", "1.0.0", "--registry", registry, "--name", "test", "--effective-from", "soon");
        assertEquals(2, wrongTime.exit());
    }

    @Test
    void failingTestBlocksPublishAndLeavesTheVersionUntouched() {
        String registry = tmp.resolve("registry").toString();
        Path bad = Fixtures.writeFailingPack(tmp.resolve("bad"), "1.0.0");
        Run refused = run("build", "--pack", bad.toString(), "--kb", kb, "--registry", registry);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("nothing built"), refused.err());
        assertTrue(Files.notExists(tmp.resolve("registry/test/1.0.0")));

        Run draft = run("build", "--pack", bad.toString(), "--kb", kb, "--registry", registry, "--allow-failing");
        assertEquals(1, draft.exit());
        assertTrue(draft.out().contains("status draft"), draft.out());
        Map<String, String> before = Fixtures.fingerprint(tmp.resolve("registry/test/1.0.0"));
        Run publish = run("publish", "1.0.0", "--registry", registry, "--name", "test");
        assertEquals(1, publish.exit());
        assertTrue(publish.err().startsWith("fundwatch rules publish: test/1.0.0 cannot be published: 1 of 2 test cases failed"),
                publish.err());
        assertEquals(before, Fixtures.fingerprint(tmp.resolve("registry/test/1.0.0")));
    }

    @Test
    void diffBetweenRegistryVersionAndSourceDirectory() {
        String registry = tmp.resolve("registry").toString();
        Path v1 = Fixtures.writePack(tmp.resolve("v1"), "1.0.0");
        assertEquals(0, run("build", "--pack", v1.toString(), "--kb", kb, "--registry", registry).exit());
        Path v2 = Fixtures.writePack(tmp.resolve("v2"), "1.1.0");
        Fixtures.write(v2.resolve("rules/drug.rules.yaml"), Files.exists(v2)
                ? readString(v1.resolve("rules/drug.rules.yaml")).replace("severity: 明确违规", "severity: 可疑") : "");
        Run diff = run("diff", "1.0.0", v2.toString(), "--registry", registry, "--name", "test");
        assertEquals(0, diff.exit(), diff.err());
        assertTrue(diff.out().contains("~ drug-gender  metadata: severity"), diff.out());
        assertTrue(diff.out().contains("0 added, 0 removed, 1 changed"), diff.out());
    }

    @Test
    void coverageJsonHasTheCatalogueShape() throws Exception {
        Path pack = Fixtures.writePack(tmp.resolve("p"), "1.0.0");
        Run run = run("coverage", "--json", "--pack", pack.toString(), "--kb", kb);
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(List.of("total", "implemented", "partial", "rules"), iterable(json.fieldNames()));
        assertEquals(88, json.get("total").asInt());
        assertEquals(1, json.get("implemented").asInt());
        assertEquals(0, json.get("partial").asInt());
        assertEquals(88, json.get("rules").size());
        JsonNode gender = null;
        for (JsonNode r : json.get("rules")) {
            assertTrue(r.has("name") && r.has("code") && r.has("status"), r.toString());
            if ("GZ10000301004000".equals(r.path("code").asText())) {
                gender = r;
            }
        }
        assertEquals("implemented", gender.get("status").asText());
        assertEquals("drug-gender", gender.get("rule_ids").get(0).asText());

        Path partial = Fixtures.writePack(tmp.resolve("partial"), "1.0.0");
        Fixtures.write(partial.resolve("rules/drug.rules.yaml"), readString(pack.resolve("rules/drug.rules.yaml"))
                + "  coverage: partial\n  coverage_note: 只覆盖药品，不含耗材\n");
        JsonNode p = new ObjectMapper().readTree(run("coverage", "--json", "--pack", partial.toString(), "--kb", kb).out());
        assertEquals(0, p.get("implemented").asInt());
        assertEquals(1, p.get("partial").asInt());
        Run table = run("coverage", "--pack", partial.toString(), "--kb", kb);
        assertTrue(table.out().contains("drug-gender — drug-gender: 只覆盖药品，不含耗材"), table.out());
        assertTrue(table.out().contains("total 88: implemented 0, partial 1, not yet 87"), table.out());
    }

    @Test
    void backtestCountsReconcileAndScoresAgainstGroundTruth() throws Exception {
        Path data = tmp.resolve("data");
        ObjectMapper json = new ObjectMapper();
        ObjectNode sample = Fixtures.sampleRequest();
        String feeDetails = """
                {"infno":"2204","msgid":"M1","fixmedins_code":"H43079600001","input":{"feedetail":[
                 {"feedetl_sn":"F1","mdtrt_id":"E2","psn_no":"P1","med_type":"11","fee_ocur_time":"2025-06-20 09:00:00",
                  "med_list_codg":"XG02BAZ061Z007010279543","det_item_fee_sumamt":100.00,"cnt":1,"pric":100.00},
                 {"feedetl_sn":"F2","mdtrt_id":"E2","psn_no":"P1","med_type":"11","fee_ocur_time":"2025-06-20 09:01:00",
                  "med_list_codg":"XA11DAW036A001010104127","det_item_fee_sumamt":0.10,"cnt":1,"pric":0.10}]}}""";
        Fixtures.write(data.resolve("messages/2025-06-14.jsonl"), String.join("\n",
                json.writeValueAsString(sample),
                "this is not json",
                "{\"infno\":\"3101\",\"msgid\":\"M0\",\"input\":{}}",
                "{\"infno\":\"2207\",\"msgid\":\"M9\",\"input\":{}}",
                "{\"infno\":\"2203\",\"msgid\":\"M2\",\"input\":{\"mdtrtinfo\":{\"mdtrt_id\":\"E2\",\"psn_no\":\"P1\","
                        + "\"med_type\":\"11\",\"begntime\":\"2025-06-20 08:30:00\",\"dise_codg\":\"M10.000\"},"
                        + "\"diseinfo\":[{\"diag_code\":\"M10.000\",\"maindiag_flag\":\"1\"}]}}",
                feeDetails.replace("\n", "")) + "\n");
        Fixtures.write(data.resolve("persons.jsonl"), "{\"baseinfo\":{\"psn_no\":\"P1\",\"gend\":\"1\",\"brdy\":\"1960-01-01\"},"
                + "\"insuinfo\":[{\"insutype\":\"310\"}]}\n");
        Fixtures.write(data.resolve("ground-truth.jsonl"), String.join("\n",
                "{\"case_id\":\"C1\",\"rule_class\":\"药品区分性别使用\",\"gz_code\":\"GZ10000301004000\",\"mdtrt_ids\":[\"MDT20250504000123\"]}",
                "{\"case_id\":\"C2\",\"rule_class\":\"药品区分性别使用\",\"gz_code\":\"GZ10000301004000\",\"mdtrt_ids\":[\"E2\"]}",
                "{\"case_id\":\"C3\",\"rule_class\":\"药品限工伤保险\",\"gz_code\":\"GZ10000101001000\",\"mdtrt_ids\":[\"E9\"]}") + "\n");
        Path a = Fixtures.writePack(tmp.resolve("a"), "1.0.0");
        Path b = Fixtures.writePack(tmp.resolve("b"), "1.1.0");
        Fixtures.write(b.resolve("rules/drug.drl"), Fixtures.readDrl().replace("genderOnly != null,",
                "genderOnly != null, amountFen > 50000,"));
        Run run = run("backtest", "--pack", a.toString(), "--against", b.toString(), "--in", data.toString(), "--kb", kb);
        assertEquals(0, run.exit(), run.out() + run.err());
        String out = run.out();
        assertTrue(out.contains("lines 6 = used 3 + skipped (other transactions) 1 + dead letters 2"), out);
        assertTrue(out.contains("contexts evaluated 2"), out);
        assertTrue(out.contains("dead letter messages/2025-06-14.jsonl:2: not JSON"), out);
        assertTrue(out.contains("dead letter messages/2025-06-14.jsonl:3: 3101 rejected"), out);
        assertTrue(out.matches("(?s).*drug-gender\\s+2\\s+1253\\.00\\s+1\\s+1153\\.00\\s+-1\\s+-100\\.00.*"), out);
        assertTrue(out.matches("(?s).*GZ10000301004000\\s+药品区分性别使用\\s+2\\s+2\\s+1\\.000\\s+1\\.000.*"), out);
        assertTrue(out.matches("(?s).*GZ10000101001000\\s+药品限工伤保险\\s+1\\s+0\\s+0\\.000\\s+-.*"), out);
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
