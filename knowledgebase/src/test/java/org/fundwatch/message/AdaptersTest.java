package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.codes.SharedReference;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.adapter.FeeDetailAdapter;
import org.fundwatch.message.adapter.SettlementAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.message.settlement.SettlementOutput;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.fundwatch.model.Settlement;
import org.junit.jupiter.api.Test;

class AdaptersTest {
    final MessageParser parser = new MessageParser();

    private List<EncounterContext> sampleContexts() throws IOException {
        ParseResult r = parser.parse(Files.readAllBytes(SharedReference.reference("samples/3101-request.json")));
        return AnalysisAdapter.toContexts(r.transaction().orElseThrow(), r.request(AnalysisInput.class).input().data());
    }

    @Test
    void sample3101BecomesAnEncounterContext() throws IOException {
        List<EncounterContext> contexts = sampleContexts();
        assertEquals(1, contexts.size());
        EncounterContext c = contexts.get(0);
        assertEquals(Gender.MALE, c.patient().gender());
        assertEquals(LocalDate.of(1951, 8, 27), c.patient().birthDate());
        assertEquals("390", c.patient().insuranceType());
        assertEquals("430796", c.patient().poolingArea());
        assertEquals(73, c.patient().ageInYears(LocalDate.of(2025, 6, 14)));
        assertEquals(Phase.PRE, c.phase());
        Encounter e = c.currentEncounter().orElseThrow();
        assertEquals(CareSetting.INPATIENT, e.careSetting());
        assertEquals("H43079600001", e.institution().code());
        assertEquals("02", e.institution().level());
        assertEquals(LocalDateTime.of(2025, 5, 4, 10, 59, 45), e.admissionTime());
        assertNull(e.dischargeTime());
        assertEquals("M10.000", e.principalDiagnosisCode().orElseThrow());
        assertEquals(2, e.diagnoses().size());
        List<FeeLine> lines = e.feeLines();
        assertEquals(2, lines.size());
        FeeLine first = lines.get(0);
        assertEquals("XG02BAZ061Z007010279543", first.itemCode());
        assertEquals(ListType.DRUG, first.listType());
        assertEquals(Money.ofFen(115_300), first.amount());
        assertEquals(new BigDecimal("1153.00"), first.unitPrice());
        assertTrue(first.current());
        assertFalse(lines.get(1).current());
        assertTrue(lines.get(1).longTerm());
        assertEquals(List.of(first), e.currentLines());
        assertEquals(Money.ofYuan("1153.10"), e.feeLinesTotal());
        assertEquals(List.of(), c.history());
    }

    @Test
    void contextToRequestAndBackIsLossless() throws IOException {
        List<EncounterContext> contexts = sampleContexts();
        NationalRequest<AnalysisInput> request = NationalRequest.of(Transaction.PRE_ANALYSIS, "H43079600001202506141427240001",
                "H43079600001", "430799", LocalDateTime.of(2025, 6, 14, 14, 27, 24),
                new AnalysisInput(AnalysisAdapter.toData("IMS", contexts)));
        byte[] json = NationalJson.mapper().writeValueAsBytes(request);
        ParseResult again = parser.parse(json);
        assertTrue(again.isOk(), again.summary());
        assertEquals(List.of(), again.problems());
        assertEquals(contexts, AnalysisAdapter.toContexts(Transaction.PRE_ANALYSIS, again.request(AnalysisInput.class).input().data()));
    }

    @Test
    void feeDetailsBecomeFeeLines() {
        String json = """
                {"feedetail": [
                  {"feedetl_sn": "F1", "mdtrt_id": "M1", "psn_no": "P1", "chrg_bchno": "B1", "rx_circ_flag": "0",
                   "fee_ocur_time": "2025-05-05 09:00:00", "med_list_codg": "001102000050000", "medins_list_codg": "ZC01",
                   "det_item_fee_sumamt": "30.00", "cnt": "1", "pric": "30.000000", "bilg_dept_codg": "A07", "bilg_dept_name": "骨科",
                   "bilg_dr_codg": "D430796000001", "bilg_dr_name": "张医生", "hosp_appr_flag": "0"},
                  {"feedetl_sn": "F2", "init_feedetl_sn": "F0", "mdtrt_id": "M1", "psn_no": "P1", "fee_ocur_time": "2025-05-05 10:00:00",
                   "med_list_codg": "XA11DAW036A001010104127", "det_item_fee_sumamt": -0.3, "cnt": -3, "pric": 0.1, "prd_days": "3",
                   "dscg_tkdrug_flag": 1}
                ]}""";
        ParseResult r = parser.parse("2301", json);
        assertTrue(r.isOk(), r.summary());
        List<FeeLine> lines = FeeDetailAdapter.toFeeLines(r.input(FeeDetailInput.class));
        assertEquals(ListType.SERVICE_ITEM, lines.get(0).listType());
        assertEquals(Money.ofFen(3000), lines.get(0).amount());
        assertEquals(ListType.DRUG, lines.get(1).listType());
        assertEquals(Money.ofFen(-30), lines.get(1).amount());
        assertEquals("F0", lines.get(1).reversedLineId());
        assertEquals(new BigDecimal("3"), lines.get(1).daysSupply());
        assertTrue(lines.get(1).dischargeMedication());

        ParseResult bad = parser.parse("2204", json.replace("\"30.00\"", "\"31.00\"").replace("\"2025-05-05 10:00:00\"", "\"2025-05-05\""));
        assertEquals(List.of(
                Problem.warning("$.feedetail[0].det_item_fee_sumamt",
                        "det_item_fee_sumamt 31.00 ≠ cnt × pric = 1 × 30.000000 = 30 (difference 1 exceeds 0.01)"),
                Problem.error("$.feedetail[1].fee_ocur_time", "invalid date-time, expected yyyy-MM-dd HH:mm:ss, got \"2025-05-05\"")),
                bad.problems());
    }

    @Test
    void settlementOutputBecomesASettlement() {
        String json = """
                {"infcode": "0", "inf_refmsgid": "500000202107141108170000514555", "refmsg_time": "20210714110817123",
                 "respond_time": "20210714110818456", "err_msg": "", "enctype": "", "signtype": "",
                 "output": {
                   "setlinfo": {"mdtrt_id": "M1", "setl_id": "S1", "psn_no": "P1", "psn_name": "王某", "psn_cert_type": "01",
                     "certno": "430796195108270000", "gend": "1", "brdy": "1951-08-27", "age": "73.0", "insutype": "390",
                     "psn_type": "1501", "cvlserv_flag": "0", "setl_time": "2025-05-10 10:00:00", "med_type": "21",
                     "medfee_sumamt": 5000.00, "fulamt_ownpay_amt": 100, "overlmt_selfpay": 0, "preselfpay_amt": 200,
                     "inscp_scp_amt": 4700, "act_pay_dedc": 500, "hifp_pay": 2940.00, "pool_prop_selfpay": 0.7,
                     "cvlserv_pay": 0, "hifes_pay": 0, "hifmi_pay": 0, "hifob_pay": 0, "maf_pay": 0, "hosp_part_amt": 0,
                     "oth_pay": 0, "fund_pay_sumamt": 2940.00, "psn_part_amt": 2060.00, "acct_pay": 0, "psn_cash_pay": 2060.00,
                     "balc": 0, "acct_mulaid_pay": 0, "medins_setl_id": "H43079600001202505101000000001", "clr_optins": "430796",
                     "clr_way": "1", "clr_type": "21", "something_regional": 1},
                   "setldetail": [{"fund_pay_type": "390100", "inscp_scp_amt": 4700, "crt_payb_lmt_amt": 0, "fund_payamt": 2940,
                     "fund_pay_type_name": "城乡居民基本医疗保险基金", "setl_proc_info": ""}]
                 }}""";
        ParseResult r = parser.parseResponse("2304", json);
        assertTrue(r.isOk(), r.summary());
        NationalResponse<SettlementOutput> response = r.response(SettlementOutput.class);
        assertTrue(response.isSuccess());
        Settlement s = SettlementAdapter.toSettlement(response.output());
        assertEquals("S1", s.id());
        assertEquals(Money.ofYuan("5000.00"), s.total());
        assertEquals(Money.ofYuan("2940"), s.pooledFund());
        assertEquals(Money.ofYuan("2060"), s.cashPay());
        assertEquals(s.total(), s.fundTotal().plus(s.personTotal()));
        assertEquals(new BigDecimal("0.7"), s.pooledFundRatio());
        assertEquals("390100", s.fundShares().get(0).fundType());
        assertEquals(Money.ofFen(294_000), s.fundShares().get(0).amount());
        assertEquals(List.of("$.output.setlinfo.something_regional"), r.unknownFields());
    }
}
