package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.message.admission.AdmissionInput;
import org.fundwatch.message.admission.DischargeInput;
import org.fundwatch.message.analysis.AnalysisOutput;
import org.fundwatch.message.analysis.AnalysisResponses;
import org.fundwatch.message.analysis.FeedbackInput;
import org.fundwatch.message.analysis.ViolationDetail;
import org.fundwatch.message.analysis.ViolationResult;
import org.fundwatch.message.person.PersonInfoOutput;
import org.junit.jupiter.api.Test;

class ResponseAndOtherTransactionsTest {
    final MessageParser parser = new MessageParser();

    static ViolationResult genderViolation() {
        return ViolationResult.builder()
                .resultId("JR-0001").ruleId("GZ10000301004000").ruleName("药品区分性别使用")
                .content("男性患者使用限女性药品：左炔诺孕酮宫内节育系统").patientId("43079600000000012345")
                .encounterId("MDT20250504000123").severity("1").behaviourType("1").basis("国家医保局两库第一批知识点")
                .taskId("T1")
                .detail("RX0001", ViolationDetail.OFFENDING, new BigDecimal("1153"))
                .detail("RX0002", ViolationDetail.INVOLVED, BigDecimal.ZERO)
                .build();
    }

    @Test
    void responseRoundTrip() throws Exception {
        NationalResponse<AnalysisOutput> built = AnalysisResponses.success("430799", 42, LocalDateTime.of(2025, 6, 14, 14, 27, 24, 123_000_000),
                LocalDateTime.of(2025, 6, 14, 14, 27, 24, 180_000_000), List.of(genderViolation()));
        assertEquals("430799202506141427240000000042", built.receiverMessageId());
        ViolationResult result = built.output().results().get(0);
        assertEquals(new BigDecimal("1153.00"), result.amount(), "amount = sum of offending details");
        assertEquals("JR-0001-2", result.details().get(1).detailId());
        String json = NationalJson.mapper().writeValueAsString(built);
        assertTrue(json.contains("\"infcode\":0"), json);
        assertTrue(json.contains("\"vola_amt\":1153.00"), json);
        assertTrue(json.contains("\"judge_result_detail_dtos\":[{\"jrd_id\":\"JR-0001-1\""), json);
        assertFalse(json.contains("err_msg"), "nulls are left out");
        ParseResult parsed = parser.parseResponse("3101", json);
        assertTrue(parsed.isOk(), parsed.summary());
        assertEquals(List.of(), parsed.problems());
        assertEquals(built, parsed.response(AnalysisOutput.class));
    }

    @Test
    void responseInfcodeAsStringAndFailure() {
        ParseResult r = parser.parseResponse("3101", "{\"infcode\": \"-1\", \"err_msg\": \"bad\", \"output\": null}");
        assertTrue(r.isOk(), r.summary());
        NationalResponse<AnalysisOutput> response = r.response(AnalysisOutput.class);
        assertEquals(-1, response.statusCode());
        assertFalse(response.isSuccess());
        assertFalse(parser.parseResponse("3101", "{\"infcode\": 0, \"err_msg\": \"Hunan: error anyway\"}")
                .response(AnalysisOutput.class).isSuccess());
        ParseResult bad = parser.parseResponse("3101", "{\"infcode\": 0, \"output\": {\"result\": [{\"jr_id\": \"1\", \"vola_amt\": \"x\"}]}}");
        assertEquals(List.of("$.output.result[0].rule_id", "$.output.result[0].rule_name", "$.output.result[0].vola_cont",
                "$.output.result[0].patn_id", "$.output.result[0].vola_amt"), bad.errors().stream().map(Problem::path).toList());
        assertThrows(IllegalStateException.class, () -> ViolationResult.builder().resultId("x").build());
    }

    @Test
    void feedback3103() {
        ParseResult r = parser.parse("3103", """
                {"data": {"warn_type": 1, "warns": [
                    {"warn_rslt_id": "JR-0001", "dspo_way": "1", "dspo_way_rea": "患者为变性人，已核实"},
                    {"warn_rslt_id": "JR-0002", "dspo_way": "1"},
                    {"warn_rslt_id": "JR-0003", "dspo_way": "3"}]}}""");
        assertFalse(r.isOk());
        assertEquals(List.of(
                Problem.warning("$.data.warns[1].dspo_way_rea", "missing reason (required when dspo_way = 1, continue with the order)"),
                Problem.error("$.data.warns[2].dspo_way", "unknown code \"3\", expected one of 1, 2")), r.problems());
        ParseResult ok = parser.parse("3103", "{\"data\": {\"warn_type\": \"2\", \"warns\": {\"warn_rslt_id\": \"JR-9\", \"dspo_way\": 2}}}");
        assertTrue(ok.isOk(), ok.summary());
        FeedbackInput in = ok.input(FeedbackInput.class);
        assertEquals(FeedbackInput.Warning.MODIFY, in.data().warnings().get(0).disposition());
    }

    @Test
    void admissionDischargeAndPersonInfo() {
        ParseResult admission = parser.parse("""
                {"infno": "2401", "msgid": "H43079600001202505041059450001", "inf_time": "2025-05-04 10:59:45",
                 "input": {"mdtrtinfo": {"psn_no": "P1", "insutype": "390", "begntime": "2025-05-04 10:59:45", "med_type": "21",
                    "ipt_no": "IP1", "atddr_no": "D430796000001", "adm_dept_codg": "A07", "geso_val": "", "fetts": ""},
                   "diseinfo": [{"psn_no": "P1", "diag_type": "1", "maindiag_flag": "1", "diag_srt_no": "1", "diag_code": "M10.000",
                    "diag_name": "痛风", "diag_time": "2025-05-04 11:20:00"}]}}""");
        assertTrue(admission.isOk(), admission.summary());
        AdmissionInput in = admission.request(AdmissionInput.class).input();
        assertEquals(LocalDateTime.of(2025, 5, 4, 10, 59, 45), in.admission().admissionTime());
        assertTrue(in.diagnoses().get(0).principal());

        ParseResult discharge = parser.parse("2402", """
                {"dscginfo": {"mdtrt_id": "M1", "psn_no": "P1", "insutype": "390", "endtime": "2025-05-10 09:00", "dscg_way": "1",
                  "die_date": ""}, "diseinfo": []}""");
        assertEquals(List.of(Problem.error("$.dscginfo.endtime", "invalid date-time, expected yyyy-MM-dd HH:mm:ss, got \"2025-05-10 09:00\"")),
                discharge.problems());
        assertTrue(parser.parse("2402", "{\"dscginfo\": {\"mdtrt_id\": \"M1\", \"psn_no\": \"P1\", \"endtime\": \"2025-05-10 09:00:00\"}}")
                .input(DischargeInput.class).diagnoses().isEmpty());

        ParseResult person = parser.parseResponse("1101", """
                {"infcode": 0, "output": {"baseinfo": {"psn_no": "P1", "psn_name": "王某", "gend": "1", "brdy": "1951-08-27", "age": 73.8},
                  "insuinfo": [{"balc": "12.50", "insutype": "390", "psn_type": "1501", "cvlserv_flag": "0", "insuplc_admdvs": "430796"}],
                  "idetinfo": []}}""");
        assertTrue(person.isOk(), person.summary());
        PersonInfoOutput out = person.response(PersonInfoOutput.class).output();
        assertEquals(LocalDate.of(1951, 8, 27), out.base().birthDate());
        assertEquals(new BigDecimal("12.50"), out.insurances().get(0).accountBalance());
        JsonNode untyped = parser.parseResponse("3103", "{\"infcode\": 0, \"output\": {\"anything\": 1}}")
                .response(JsonNode.class).output();
        assertEquals(1, untyped.get("anything").asInt());
    }
}
