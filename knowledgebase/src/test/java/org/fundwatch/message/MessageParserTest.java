package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.codes.IcdCatalog;
import org.fundwatch.codes.SharedReference;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisEncounter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.analysis.AnalysisOrder;
import org.fundwatch.message.analysis.AnalysisPatient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    static final String ORDERS = "$.input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos";
    static final String ENCOUNTER = "$.input.data.patient_dtos[0].fsi_encounter_dtos[0]";
    static byte[] sample;
    final MessageParser parser = new MessageParser();

    @BeforeAll
    static void readSample() throws IOException {
        sample = Files.readAllBytes(SharedReference.reference("samples/3101-request.json"));
    }

    static ObjectNode sampleTree() throws IOException {
        return (ObjectNode) NationalJson.mapper().readTree(sample);
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static final String ENC = "/input/data/patient_dtos/0/fsi_encounter_dtos/0";

    private ParseResult parseModified(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = sampleTree();
        change.accept(root);
        return parser.parse(NationalJson.mapper().writeValueAsBytes(root));
    }

    private static void assertProblem(ParseResult r, Problem.Severity severity, String path, String reason) {
        assertTrue(r.problems().contains(new Problem(path, reason, severity)),
                () -> "expected " + severity + " " + path + ": " + reason + "\nbut got:\n" + r.summary());
    }

    @Test
    void parsesTheSample3101IntoTypedRecords() {
        ParseResult r = parser.parse(sample);
        assertTrue(r.isOk(), r.summary());
        assertEquals(List.of(), r.problems());
        assertEquals(Transaction.PRE_ANALYSIS, r.transaction().orElseThrow());
        NationalRequest<AnalysisInput> request = r.request(AnalysisInput.class);
        assertEquals("H43079600001202506141427240001", request.messageId());
        assertEquals(LocalDateTime.of(2025, 6, 14, 14, 27, 24), request.transactionTime());
        assertNull(request.deviceNo(), "empty strings read as null");
        AnalysisData data = request.input().data();
        assertEquals("4", data.triggerScenario());
        assertEquals(List.of(), data.ruleIds());
        AnalysisPatient patient = data.patients().get(0);
        assertEquals("1", patient.gender());
        assertEquals(LocalDate.of(1951, 8, 27), patient.birthDate());
        AnalysisEncounter encounter = patient.encounters().get(0);
        assertNull(encounter.dischargeTime());
        assertEquals(2, encounter.diagnoses().size());
        assertTrue(encounter.diagnoses().get(0).principal());
        assertEquals(2, encounter.diagnoses().get(1).order());
        List<AnalysisOrder> orders = encounter.orders();
        assertEquals(2, orders.size());
        assertEquals("XG02BAZ061Z007010279543", orders.get(0).itemCode());
        assertEquals(new BigDecimal("1153.00"), orders.get(0).unitPrice());
        assertEquals(0, new BigDecimal("0.10").compareTo(orders.get(1).amount()));
        assertTrue(orders.get(0).current());
        assertFalse(orders.get(1).current());
        assertTrue(orders.get(1).longTerm());
        assertTrue(r.unknownFields().contains(ENCOUNTER + ".wardarea_name"), r.unknownFields().toString());
        assertTrue(r.unknownFields().contains(ENCOUNTER + ".dr_name"));
    }

    @Test
    void aSecondNameOfAKnownFieldIsNotUnknownButAnUnknownBesideItIs() throws IOException {
        // the encounter sends its orders under both names (fsi_order_dtos and the alias order_dtos): the validator
        // counts one field found for two members and must then look at every member's name
        ObjectNode root = sampleTree();
        ObjectNode encounter = at(root, "/input/data/patient_dtos/0/fsi_encounter_dtos/0");
        encounter.remove("wardarea_name");
        encounter.remove("dr_name");
        encounter.set("order_dtos", encounter.get("fsi_order_dtos").deepCopy());
        ParseResult both = parser.parse(NationalJson.mapper().writeValueAsBytes(root));
        assertTrue(both.isOk(), both.problems().toString());
        assertTrue(both.unknownFields().stream().noneMatch(f -> f.startsWith(ENCOUNTER + ".")), both.unknownFields().toString());
        encounter.put("bed_no", "12");
        ParseResult unknown = parser.parse(NationalJson.mapper().writeValueAsBytes(root));
        assertEquals(List.of(ENCOUNTER + ".bed_no"),
                unknown.unknownFields().stream().filter(f -> f.startsWith(ENCOUNTER + ".")).toList());
    }

    @Test
    void readTreesKeepEveryMemberInOrder() throws IOException {
        // object nodes come from a factory with presized member maps: members and their order are Jackson's
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("\"m").append(99 - i).append("\":").append(i);
        }
        JsonNode tree = NationalJson.mapper().readTree(json.append('}').toString());
        assertEquals(100, tree.size());
        java.util.Iterator<String> names = tree.fieldNames();
        for (int i = 0; i < 100; i++) {
            assertEquals("m" + (99 - i), names.next());
            assertEquals(i, tree.get("m" + (99 - i)).intValue());
        }
    }

    @Test
    void parsesABareInputWhenTheInfnoIsGivenSeparately() throws IOException {
        byte[] input = NationalJson.mapper().writeValueAsBytes(sampleTree().get("input"));
        ParseResult r = parser.parse("3102", input);
        assertTrue(r.isOk(), r.summary());
        assertEquals(ParseResult.Kind.INPUT, r.kind());
        assertEquals(Transaction.MID_ANALYSIS, r.transaction().orElseThrow());
        assertEquals(2, r.input(AnalysisInput.class).data().patients().get(0).encounters().get(0).orders().size());
    }

    @Test
    void reportsEveryProblemWithItsPath() throws IOException {
        ParseResult r = parseModified(root -> {
            ObjectNode order0 = at(root, ENC + "/fsi_order_dtos/0");
            ObjectNode order1 = at(root, ENC + "/fsi_order_dtos/1");
            order1.put("sumamt", "abc");
            order0.remove("rx_id");
            order0.put("drord_begn_date", "2025-06-31 14:25:52");
            at(root, "/input/data/patient_dtos/0").put("brdy", "1951/08/27");
            at(root, "/input/data/patient_dtos/0").put("gend", "M");
            at(root, ENC).putArray("adm_date");
        });
        assertFalse(r.isOk());
        assertProblem(r, Problem.Severity.ERROR, ORDERS + "[1].sumamt", "expected a number, got \"abc\"");
        assertProblem(r, Problem.Severity.ERROR, ORDERS + "[0].rx_id", "missing required field");
        assertProblem(r, Problem.Severity.ERROR, ORDERS + "[0].drord_begn_date",
                "invalid date-time, expected yyyy-MM-dd HH:mm:ss, got \"2025-06-31 14:25:52\"");
        assertProblem(r, Problem.Severity.ERROR, "$.input.data.patient_dtos[0].brdy", "invalid date, expected yyyy-MM-dd, got \"1951/08/27\"");
        assertProblem(r, Problem.Severity.ERROR, "$.input.data.patient_dtos[0].gend", "unknown code \"M\", expected one of 0, 1, 2, 9");
        assertProblem(r, Problem.Severity.ERROR, ENCOUNTER + ".adm_date", "invalid date-time, expected yyyy-MM-dd HH:mm:ss, got an array");
        assertEquals(6, r.errors().size(), r.summary());
        assertTrue(r.message().isEmpty());
    }

    @Test
    void wrongNodeTypes() throws IOException {
        ParseResult r = parseModified(root -> {
            at(root, "/input/data").put("patient_dtos", "none");
            root.put("infver", 1.0);
        });
        assertProblem(r, Problem.Severity.ERROR, "$.input.data.patient_dtos", "expected an array, got \"none\"");
        assertTrue(r.unknownFields().isEmpty() || !r.unknownFields().contains("$.infver"));
        ParseResult r2 = parseModified(root -> at(root, "/input/data/patient_dtos/0").putObject("patn_id").put("x", 1));
        assertProblem(r2, Problem.Severity.ERROR, "$.input.data.patient_dtos[0].patn_id", "expected a string, got an object");
        ParseResult r3 = parseModified(root -> at(root, ENC + "/fsi_order_dtos/0").put("curr_drord_flag", "Y"));
        assertProblem(r3, Problem.Severity.ERROR, ORDERS + "[0].curr_drord_flag", "expected a 0/1 flag, got \"Y\"");
    }

    @Test
    void missingRequiredFieldsNullsAndEmpties() throws IOException {
        ParseResult r = parseModified(root -> {
            at(root, ENC).remove("mdtrt_id");
            at(root, ENC).putNull("med_type");
            at(root, ENC).put("insutype", " ");
            at(root, ENC + "/fsi_order_dtos/1").remove("cnt");
            at(root, "/input/data").remove("trig_scen");
        });
        assertProblem(r, Problem.Severity.ERROR, ENCOUNTER + ".mdtrt_id", "missing required field");
        assertProblem(r, Problem.Severity.ERROR, ENCOUNTER + ".med_type", "required field is null");
        assertProblem(r, Problem.Severity.ERROR, ENCOUNTER + ".insutype", "required field is empty");
        assertProblem(r, Problem.Severity.ERROR, ORDERS + "[1].cnt", "missing required field");
        assertProblem(r, Problem.Severity.ERROR, "$.input.data.trig_scen", "missing trig_scen (required when rule_ids is empty)");
    }

    @Test
    void amountsThatDoNotAddUpAreFlagged() throws IOException {
        ParseResult r = parseModified(root -> {
            ObjectNode order = at(root, ENC + "/fsi_order_dtos/0");
            order.put("cnt", 2);
            order.put("sumamt", "1153.00");
            at(root, ENC + "/fsi_order_dtos/1").put("sumamt", 0.11); // within 0.01 of 1 × 0.10
        });
        assertTrue(r.isOk(), "amount mismatches are warnings: " + r.summary());
        assertProblem(r, Problem.Severity.WARNING, ORDERS + "[0].sumamt",
                "sumamt 1153.00 ≠ cnt × pric = 2 × 1153.00 = 2306 (difference 1153 exceeds 0.01)");
        assertEquals(1, r.warnings().size(), r.summary());
    }

    @Test
    void codeFormatsAndUnknownCodesWithACatalog() throws IOException {
        IcdCatalog icd10 = IcdCatalog.load(SharedReference.reference("icd/icd10-nhsa-v2.0.dat"), null, IcdCatalog.ICD10);
        MessageParser withCatalog = new MessageParser(Map.of(CodeFormat.DIAGNOSIS, icd10));
        ObjectNode root = sampleTree();
        ArrayNode diagnoses = (ArrayNode) root.at(ENC + "/fsi_diagnose_dtos");
        ((ObjectNode) diagnoses.get(1)).put("dise_codg", "M17.999"); // well-formed, not in the catalog
        ((ObjectNode) diagnoses.get(0)).put("dise_codg", "XYZD018987"); // a local code
        at(root, ENC + "/fsi_order_dtos/0").put("hilist_code", "XG02BAZ061Z0070102795");
        at(root, "/input/data/patient_dtos/0").put("poolarea", "990796");
        ParseResult r = withCatalog.parse(NationalJson.mapper().writeValueAsBytes(root));
        assertTrue(r.isOk(), r.summary());
        String dx = ENCOUNTER + ".fsi_diagnose_dtos";
        assertProblem(r, Problem.Severity.WARNING, dx + "[1].dise_codg", "unknown code \"M17.999\" (not in 医保版ICD-10 v2.0)");
        assertProblem(r, Problem.Severity.WARNING, dx + "[0].dise_codg",
                "invalid code format: not a 医保版 ICD-10 diagnosis code (expected Ann.nnn[xnnn], e.g. M10.000 or C34.900x001): \"XYZD018987\"");
        assertProblem(r, Problem.Severity.WARNING, ORDERS + "[0].hilist_code",
                "invalid code format: Western drug code must have 23 characters, got 21: \"XG02BAZ061Z0070102795\"");
        assertProblem(r, Problem.Severity.WARNING, "$.input.data.patient_dtos[0].poolarea",
                "invalid code format: admin-division code has unknown province 99: \"990796\"");
        assertEquals(4, r.warnings().size(), r.summary());
        assertTrue(withCatalog.parse(sample).problems().isEmpty(), "the sample's codes are all in the catalog");
    }

    @Test
    void truncatedJsonReportsLineAndColumn() {
        String text = new String(sample, StandardCharsets.UTF_8);
        ParseResult r = parser.parse(text.substring(0, 200));
        assertFalse(r.isOk());
        assertEquals(1, r.problems().size());
        Problem p = r.problems().get(0);
        assertEquals("$", p.path());
        assertTrue(p.reason().startsWith("truncated JSON: unexpected end of input at line 9, column 7 "), p.reason());
        ParseResult r2 = parser.parse("{\"infno\": \"3101\",\n  \"input\": {\"data\": [1, 2,, 3]}}");
        assertEquals("malformed JSON at line 2, column 27: Unexpected character (',' (code 44)): expected a value",
                r2.problems().get(0).reason().replaceAll(" \\(code 44\\)\\)", " (code 44))"));
        assertEquals("empty message", parser.parse(new byte[0]).problems().get(0).reason());
    }

    @Test
    void gbkBytesAreRejectedNotTranscoded() {
        byte[] gbk = new String(sample, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
        ParseResult r = parser.parse(gbk);
        assertFalse(r.isOk());
        Problem p = r.errors().get(0);
        assertEquals("$", p.path());
        assertTrue(p.reason().startsWith("not UTF-8 (GBK?): invalid byte 0x"), p.reason());
        assertTrue(p.reason().contains("re-send the message encoded as UTF-8"));
        byte[] latin = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, '"', '}'};
        assertTrue(parser.parse(latin).errors().get(0).reason().startsWith("not UTF-8: invalid byte 0xFF at offset 6"));
        byte[] bom = new byte[sample.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(sample, 0, bom, 3, sample.length);
        assertTrue(parser.parse(bom).isOk(), "a UTF-8 BOM is skipped");
    }

    @Test
    void unknownInfno() throws IOException {
        ParseResult r = parseModified(root -> root.put("infno", "9999"));
        assertEquals(List.of(Problem.error("$.infno",
                "unknown infno \"9999\" (supported: 1101, 2203, 2204, 2207, 2301, 2304, 2401, 2402, 3101, 3102, 3103)")), r.problems());
        assertEquals("missing required field", parseModified(root -> root.remove("infno")).problems().get(0).reason());
        assertFalse(parser.parse("9999", "{}").isOk());
        assertEquals("expected a request envelope object, got an array", parser.parse("[1]").problems().get(0).reason());
    }

    @Test
    void lenientVariantsParse() throws IOException {
        ParseResult r = parseModified(root -> {
            root.put("mode", "1"); // a local envelope extension
            at(root, "/input/data").put("rule_ids", "R01, R02");
            ObjectNode patient = at(root, "/input/data/patient_dtos/0");
            patient.put("brdy", "1951-08-27 00:00:00");
            patient.put("fsi_his_data_dto", "");
            ObjectNode encounter = at(root, ENC);
            encounter.put("medfee_sumamt", "1153.10"); // numbers as strings
            encounter.put("setl_totlnum", "0");
            encounter.put("reim_flag", 0);
            encounter.put("acct_payamt", "");
            ObjectNode order = at(root, ENC + "/fsi_order_dtos/0");
            order.put("curr_drord_flag", 1); // flags as numbers
            order.put("long_drord_flag", "0");
            order.put("cnt", "1");
            order.put("pric", "1153.00");
            order.put("hilist_code", " XG02BAZ061Z007010279543 ");
            order.put("some_future_field", "x");
            ObjectNode dx = (ObjectNode) root.at(ENC + "/fsi_diagnose_dtos/0");
            dx.put("dias_srt_no", "1");
            dx.put("maindise_flag", 1);
        });
        assertTrue(r.isOk(), r.summary());
        assertEquals(List.of(), r.problems());
        AnalysisData data = r.request(AnalysisInput.class).input().data();
        assertEquals(List.of("R01", "R02"), data.ruleIds());
        AnalysisPatient patient = data.patients().get(0);
        assertEquals(LocalDate.of(1951, 8, 27), patient.birthDate());
        assertNull(patient.hospitalData());
        AnalysisEncounter encounter = patient.encounters().get(0);
        assertEquals(new BigDecimal("1153.10"), encounter.totalAmount());
        assertEquals("0", encounter.reimbursementFlag());
        assertNull(encounter.accountPayAmount());
        AnalysisOrder order = encounter.orders().get(0);
        assertEquals("XG02BAZ061Z007010279543", order.itemCode());
        assertTrue(order.current());
        assertFalse(order.longTerm());
        assertTrue(r.unknownFields().contains("$.mode"));
        assertTrue(r.unknownFields().contains(ORDERS + "[0].some_future_field"));
        assertEquals(List.of(), parseModified(root -> at(root, "/input/data").putNull("rule_ids")).problems());
        assertEquals(List.of("R9"), parseModified(root -> at(root, "/input/data").putArray("rule_ids").add("R9"))
                .request(AnalysisInput.class).input().data().ruleIds());
    }

    @Test
    void hainanAliasesAndASinglePatientObjectParse() throws IOException {
        ObjectNode root = sampleTree();
        ObjectNode patient = at(root, "/input/data/patient_dtos/0");
        ObjectNode encounter = at(root, ENC);
        encounter.set("order_dtos", encounter.remove("fsi_order_dtos"));
        encounter.set("diagnose_dtos", encounter.remove("fsi_diagnose_dtos"));
        encounter.put("cvlserv_flag", "0");
        ((ObjectNode) encounter.get("diagnose_dtos").get(0)).put("dise_cgy", "1");
        ((ObjectNode) encounter.get("order_dtos").get(1)).put("sumamt", "x");
        patient.set("encounter_dtos", patient.remove("fsi_encounter_dtos"));
        ((ObjectNode) root.get("input").get("data")).set("patient_dtos", patient); // hsa-his: a single object
        ParseResult bad = parser.parse(NationalJson.mapper().writeValueAsBytes(root));
        assertProblem(bad, Problem.Severity.ERROR, "$.input.data.patient_dtos.encounter_dtos[0].order_dtos[1].sumamt",
                "expected a number, got \"x\"");
        ((ObjectNode) encounter.get("order_dtos").get(1)).put("sumamt", "0.10");
        ParseResult r = parser.parse(NationalJson.mapper().writeValueAsBytes(root));
        assertTrue(r.isOk(), r.summary());
        assertEquals(List.of("$.input.data.patient_dtos.encounter_dtos[0].wardarea_name",
                "$.input.data.patient_dtos.encounter_dtos[0].dr_name"), r.unknownFields());
        AnalysisEncounter e = r.request(AnalysisInput.class).input().data().patients().get(0).encounters().get(0);
        assertEquals(2, e.orders().size());
        assertEquals("1", e.diagnoses().get(0).category());
        assertFalse(e.civilServant());
    }

    @Test
    void dischargeBeforeAdmissionIsAnError() throws IOException {
        ParseResult r = parseModified(root -> at(root, ENC).put("dscg_date", "2025-05-01 08:00:00"));
        assertProblem(r, Problem.Severity.ERROR, ENCOUNTER + ".dscg_date",
                "discharge 2025-05-01 08:00:00 is before admission 2025-05-04 10:59:45");
    }

    @Test
    void currentEncounterMustBeListed() throws IOException {
        ParseResult r = parseModified(root -> at(root, "/input/data/patient_dtos/0").put("curr_mdtrt_id", "OTHER"));
        assertTrue(r.isOk());
        assertProblem(r, Problem.Severity.WARNING, "$.input.data.patient_dtos[0].curr_mdtrt_id",
                "current encounter \"OTHER\" is not among the encounters");
    }

    @Test
    void theMapperRejectsWhatTheValidatorRejects() {
        JsonNode bad = NationalJson.mapper().createObjectNode().put("cnt", "abc");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NationalJson.mapper().convertValue(bad, AnalysisOrder.class)).getMessage().contains("expected a number"));
    }

    @Test
    void unboundParseValidatesTheSameAndKeepsOnlyTheTree() throws IOException {
        ParseResult bound = parser.parse(sample);
        ParseResult unbound = parser.parse(sample, tx -> false);
        assertTrue(bound.isOk() && bound.isBound());
        assertTrue(unbound.isOk(), unbound.summary());
        assertFalse(unbound.isBound());
        assertTrue(unbound.message().isEmpty());
        assertTrue(bound.tree().isEmpty(), "a bound message is read from message(), not from a tree");
        assertEquals(sampleTree(), unbound.tree().orElseThrow());
        assertEquals(bound.problems(), unbound.problems());

        byte[] broken = NationalJson.mapper().writeValueAsBytes(sampleTree().put("inf_time", "2025-13-01 00:00:00"));
        ParseResult rejectedBound = parser.parse(broken);
        ParseResult rejectedUnbound = parser.parse(broken, tx -> false);
        assertFalse(rejectedUnbound.isOk());
        assertTrue(rejectedUnbound.tree().isEmpty());
        assertEquals(rejectedBound.problems(), rejectedUnbound.problems());
    }
}
