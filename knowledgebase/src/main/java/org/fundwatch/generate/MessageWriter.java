package org.fundwatch.generate;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;

/**
 * Renders one national-format message (request envelope, and for settlements and admissions the
 * platform's output) with a streaming {@link JsonGenerator}. Field names follow
 * {@code national-interface-fields.md}; amounts are written as two-decimal numbers from fen.
 */
final class MessageWriter {
    static final String INTERNET_EXP = "{\"internet_flag\":\"1\",\"fu_visit_flag\":\"1\"}";

    private final TimeText time;
    private final java.time.LocalDate start;
    private long msgSeq;

    MessageWriter(TimeText time, java.time.LocalDate start) {
        this.time = time;
        this.start = start;
    }

    private static void money(JsonGenerator g, String field, long fen) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(Money.format(fen));
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private String msgid(Encounter e, long t) {
        String code = e.institution.code();
        StringBuilder sb = new StringBuilder(30).append(code).append(time.compact(t));
        long seq = msgSeq++ % 10_000;
        if (seq < 1000) {
            sb.append('0');
        }
        if (seq < 100) {
            sb.append('0');
        }
        if (seq < 10) {
            sb.append('0');
        }
        return sb.append(seq).toString();
    }

    /** Writes the envelope fields up to (not including) {@code input}; returns the msgid. */
    private String envelope(JsonGenerator g, String infno, Encounter e, long t) throws IOException {
        String msgid = msgid(e, t);
        g.writeStartObject();
        g.writeStringField("infno", infno);
        g.writeStringField("msgid", msgid);
        g.writeStringField("mdtrtarea_admvs", e.institution.admdvs());
        g.writeStringField("insuplc_admdvs", e.person.insuredAdmdvs);
        g.writeStringField("recer_sys_code", "YBXT");
        g.writeStringField("dev_no", "");
        g.writeStringField("dev_safe_info", "");
        g.writeStringField("cainfo", "");
        g.writeStringField("signtype", "");
        g.writeStringField("infver", "V1.0");
        g.writeStringField("opter_type", "1");
        Doctor d = e.doctor;
        g.writeStringField("opter", d != null ? d.code() : e.institution.code() + "01");
        g.writeStringField("opter_name", d != null ? d.name() : "收费员");
        g.writeStringField("inf_time", time.dateTime(t));
        g.writeStringField("fixmedins_code", e.institution.code());
        g.writeStringField("fixmedins_name", e.institution.name());
        g.writeStringField("sign_no", "");
        return msgid;
    }

    private static String deptCode(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptCode()) : "";
    }

    private static String deptName(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptName()) : "";
    }

    private static String hospitalItemCode(FeeLine l) {
        int n = l.code.length();
        return (l.code.charAt(0) == 'X' || l.code.charAt(0) == 'Z' ? "YP" : "XM") + l.code.substring(Math.max(0, n - 8));
    }

    /** 2203 门诊就诊信息上传: diagnoses of an outpatient, chronic or internet visit. */
    void write2203(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "2203", e, t);
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("mdtrtinfo");
        g.writeStringField("mdtrt_id", e.id);
        g.writeStringField("psn_no", e.person.psnNo);
        g.writeStringField("med_type", e.kind.medType());
        g.writeStringField("begntime", time.dateTime(e.start));
        g.writeStringField("main_cond_dscr", "");
        g.writeStringField("dise_codg", e.chronicCode != null ? e.chronicCode : e.mainDiagnosis.code());
        g.writeStringField("dise_name", e.chronicCode != null ? e.mainDiagnosis.name() : e.mainDiagnosis.name());
        g.writeStringField("birctrl_type", "");
        g.writeStringField("birctrl_matn_date", "");
        g.writeStringField("exp_content", e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
        g.writeEndObject();
        diseinfo(g, e, false, e.start);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void diseinfo(JsonGenerator g, Encounter e, boolean withSecondary, long t) throws IOException {
        g.writeArrayFieldStart("diseinfo");
        diagnosis(g, e, e.mainDiagnosis, 1, t);
        if (withSecondary) {
            int n = 2;
            for (CodeName c : e.secondaryDiagnoses) {
                diagnosis(g, e, c, n++, t);
            }
        }
        g.writeEndArray();
    }

    private void diagnosis(JsonGenerator g, Encounter e, CodeName dx, int order, long t) throws IOException {
        g.writeStartObject();
        g.writeStringField("psn_no", e.person.psnNo);
        g.writeStringField("diag_type", "1");
        g.writeStringField("maindiag_flag", order == 1 ? "1" : "0");
        g.writeNumberField("diag_srt_no", order);
        g.writeStringField("diag_code", dx.code());
        g.writeStringField("diag_name", dx.name());
        g.writeStringField("adm_cond", "");
        g.writeStringField("diag_dept", deptName(e));
        g.writeStringField("dise_dor_no", e.doctor != null ? e.doctor.code() : "");
        g.writeStringField("dise_dor_name", e.doctor != null ? e.doctor.name() : "");
        g.writeStringField("diag_time", time.dateTime(t));
        g.writeEndObject();
    }

    /** 2204 门诊费用明细上传 / 2301 住院费用明细上传 with the given lines. */
    void writeFeeUpload(JsonGenerator g, Encounter e, List<FeeLine> lines, long t) throws IOException {
        boolean inpatient = e.kind.inpatient();
        envelope(g, inpatient ? "2301" : "2204", e, t);
        g.writeObjectFieldStart("input");
        g.writeArrayFieldStart("feedetail");
        String exp = e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "";
        for (FeeLine l : lines) {
            g.writeStartObject();
            g.writeStringField("feedetl_sn", l.serial);
            if (inpatient) {
                g.writeStringField("init_feedetl_sn", "");
            }
            g.writeStringField("mdtrt_id", e.id);
            if (inpatient) {
                g.writeStringField("drord_no", "DO" + l.serial.substring(4));
            }
            g.writeStringField("psn_no", e.person.psnNo);
            g.writeStringField("med_type", e.kind.medType());
            if (!inpatient) {
                g.writeStringField("chrg_bchno", "CB" + e.number);
                g.writeStringField("dise_codg", e.chronicCode != null ? e.chronicCode : "");
                g.writeStringField("rxno", l.supplyDays > 0 ? "RX" + e.number : "");
                g.writeStringField("rx_circ_flag", "0");
            }
            g.writeStringField("fee_ocur_time", time.dateTime(l.time));
            g.writeStringField("med_list_codg", l.code);
            g.writeStringField("medins_list_codg", hospitalItemCode(l));
            money(g, "det_item_fee_sumamt", l.totalFen);
            g.writeNumberField("cnt", l.count);
            money(g, "pric", l.priceFen);
            if (!inpatient) {
                g.writeStringField("sin_dos_dscr", "");
                g.writeStringField("used_frqu_dscr", "");
                g.writeNumberField("prd_days", l.supplyDays);
                g.writeStringField("medc_way_dscr", "");
            }
            Doctor d = l.doctor;
            g.writeStringField("bilg_dept_codg", d != null ? str(d.deptCode()) : "");
            g.writeStringField("bilg_dept_name", d != null ? str(d.deptName()) : "");
            g.writeStringField("bilg_dr_codg", d != null ? d.code() : "");
            g.writeStringField("bilg_dr_name", d != null ? d.name() : "");
            g.writeStringField("acord_dept_codg", "");
            g.writeStringField("acord_dept_name", "");
            g.writeStringField("orders_dr_code", "");
            g.writeStringField("orders_dr_name", "");
            g.writeStringField("hosp_appr_flag", "0");
            g.writeStringField("tcmdrug_used_way", "");
            g.writeStringField("etip_flag", "0");
            g.writeStringField("etip_hosp_code", "");
            g.writeStringField("dscg_tkdrug_flag", "0");
            g.writeStringField("matn_fee_flag", "0");
            if (inpatient) {
                g.writeStringField("memo", "");
            }
            g.writeStringField("exp_content", exp);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** 2207 门诊结算 / 2304 住院结算: input.data plus output.setlinfo and output.setldetail. */
    void writeSettlement(JsonGenerator g, Encounter e, long t) throws IOException {
        boolean inpatient = e.kind.inpatient();
        String msgid = envelope(g, inpatient ? "2304" : "2207", e, t);
        Settlement s = Settlement.of(e);
        Person p = e.person;
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("data");
        g.writeStringField("psn_no", p.psnNo);
        g.writeStringField("mdtrt_cert_type", "02");
        g.writeStringField("mdtrt_cert_no", p.certno);
        if (!inpatient) {
            g.writeStringField("med_type", e.kind.medType());
        }
        money(g, "medfee_sumamt", s.totalFen());
        g.writeStringField("psn_setlway", "01");
        g.writeStringField("mdtrt_id", e.id);
        if (!inpatient) {
            g.writeStringField("chrg_bchno", "CB" + e.number);
        }
        g.writeStringField("insutype", p.insuranceType);
        g.writeStringField("acct_used_flag", s.accountFen() > 0 ? "1" : "0");
        g.writeStringField("invono", "");
        if (inpatient) {
            g.writeStringField("mid_setl_flag", "0");
        }
        money(g, "fulamt_ownpay_amt", 0);
        money(g, "overlmt_selfpay", 0);
        money(g, "preselfpay_amt", 0);
        money(g, "inscp_scp_amt", s.totalFen());
        g.writeStringField("exp_content", e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("output");
        g.writeObjectFieldStart("setlinfo");
        g.writeStringField("mdtrt_id", e.id);
        g.writeStringField("setl_id", e.settlementId);
        g.writeStringField("psn_no", p.psnNo);
        g.writeStringField("psn_name", p.name);
        g.writeStringField("psn_cert_type", "01");
        g.writeStringField("certno", p.certno);
        g.writeStringField("gend", p.gender);
        g.writeStringField("naty", "01");
        g.writeStringField("brdy", p.birthDate.toString());
        g.writeFieldName("age");
        g.writeNumber(p.ageYears(dateOf(e)) + ".0");
        g.writeStringField("insutype", p.insuranceType);
        g.writeStringField("psn_type", p.personType);
        g.writeStringField("cvlserv_flag", "0");
        g.writeStringField("setl_time", time.dateTime(t));
        g.writeStringField("mdtrt_cert_type", "02");
        g.writeStringField("med_type", e.kind.medType());
        money(g, "medfee_sumamt", s.totalFen());
        money(g, "fulamt_ownpay_amt", 0);
        money(g, "overlmt_selfpay", 0);
        money(g, "preselfpay_amt", 0);
        money(g, "inscp_scp_amt", s.totalFen());
        money(g, "act_pay_dedc", 0);
        money(g, "hifp_pay", s.poolFen());
        g.writeFieldName("pool_prop_selfpay");
        g.writeNumber(ratio(s.poolBasisPoints()));
        money(g, "cvlserv_pay", 0);
        money(g, "hifes_pay", 0);
        money(g, "hifmi_pay", 0);
        money(g, "hifob_pay", 0);
        money(g, "maf_pay", 0);
        money(g, "hosp_part_amt", 0);
        money(g, "oth_pay", 0);
        money(g, "fund_pay_sumamt", s.poolFen());
        money(g, "psn_part_amt", s.personalFen());
        money(g, "acct_pay", s.accountFen());
        money(g, "psn_cash_pay", s.cashFen());
        money(g, "balc", s.balanceFen());
        money(g, "acct_mulaid_pay", 0);
        g.writeStringField("medins_setl_id", msgid);
        g.writeStringField("clr_optins", p.insuredAdmdvs);
        g.writeStringField("clr_way", "01");
        g.writeStringField("clr_type", e.kind.clearingType());
        g.writeEndObject();
        g.writeArrayFieldStart("setldetail");
        boolean employee = "310".equals(p.insuranceType);
        if (s.poolFen() > 0) {
            fund(g, employee ? "310100" : "390100", employee ? "职工基本医疗保险统筹基金" : "城乡居民基本医疗保险基金",
                    s.totalFen(), s.poolFen());
        }
        if (s.accountFen() > 0) {
            fund(g, "310200", "职工基本医疗保险个人账户基金", s.totalFen(), s.accountFen());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private java.time.LocalDate dateOf(Encounter e) {
        return start.plusDays(e.start / World.DAY);
    }

    private static String ratio(int basisPoints) {
        return basisPoints / 10_000 + "." + String.format("%04d", basisPoints % 10_000);
    }

    private static void fund(JsonGenerator g, String type, String name, long scope, long paid) throws IOException {
        g.writeStartObject();
        g.writeStringField("fund_pay_type", type);
        money(g, "inscp_scp_amt", scope);
        money(g, "crt_payb_lmt_amt", paid);
        money(g, "fund_payamt", paid);
        g.writeStringField("fund_pay_type_name", name);
        g.writeStringField("setl_proc_info", "");
        g.writeEndObject();
    }

    /** 2401 入院办理 with the platform's answer (mdtrt_id) in output.result. */
    void write2401(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "2401", e, t);
        Person p = e.person;
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("mdtrtinfo");
        g.writeStringField("psn_no", p.psnNo);
        g.writeStringField("insutype", p.insuranceType);
        g.writeStringField("coner_name", "");
        g.writeStringField("tel", "");
        g.writeStringField("begntime", time.dateTime(e.start));
        g.writeStringField("mdtrt_cert_type", "02");
        g.writeStringField("mdtrt_cert_no", p.certno);
        g.writeStringField("med_type", e.kind.medType());
        g.writeStringField("ipt_no", "ZY" + e.number);
        g.writeStringField("medrcdno", "BA" + e.number);
        g.writeStringField("atddr_no", e.doctor.code());
        g.writeStringField("chfpdr_name", e.doctor.name());
        g.writeStringField("adm_diag_dscr", e.mainDiagnosis.name());
        g.writeStringField("adm_dept_codg", deptCode(e));
        g.writeStringField("adm_dept_name", deptName(e));
        g.writeStringField("adm_bed", (e.number % 40 + 1) + "床");
        g.writeStringField("dscg_maindiag_code", e.mainDiagnosis.code());
        g.writeStringField("dscg_maindiag_name", e.mainDiagnosis.name());
        g.writeStringField("main_cond_dscr", "");
        g.writeStringField("dise_codg", "");
        g.writeStringField("dise_name", "");
        g.writeStringField("oprn_oprt_code", "");
        g.writeStringField("oprn_oprt_name", "");
        g.writeStringField("dise_type_code", "");
        g.writeEndObject();
        diseinfo(g, e, false, e.start);
        g.writeEndObject();
        g.writeObjectFieldStart("output");
        g.writeObjectFieldStart("result");
        g.writeStringField("mdtrt_id", e.id);
        g.writeStringField("psn_no", p.psnNo);
        g.writeStringField("ipt_otp_no", "ZY" + e.number);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** 2402 出院办理 with all discharge diagnoses. */
    void write2402(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "2402", e, t);
        Person p = e.person;
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("dscginfo");
        g.writeStringField("mdtrt_id", e.id);
        g.writeStringField("psn_no", p.psnNo);
        g.writeStringField("insutype", p.insuranceType);
        g.writeStringField("endtime", time.dateTime(e.end));
        g.writeStringField("dise_codg", "");
        g.writeStringField("dise_name", "");
        g.writeStringField("oprn_oprt_code", "");
        g.writeStringField("oprn_oprt_name", "");
        g.writeStringField("cop_flag", e.secondaryDiagnoses.isEmpty() ? "0" : "1");
        g.writeStringField("dscg_dept_codg", deptCode(e));
        g.writeStringField("dscg_dept_name", deptName(e));
        g.writeStringField("dscg_bed", (e.number % 40 + 1) + "床");
        g.writeStringField("dscg_way", "1");
        g.writeNullField("die_date");
        g.writeEndObject();
        diseinfo(g, e, true, e.end);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** 3101 明细审核事前事中分析: the encounter's orders up to {@code t} as a pre-event request. */
    void write3101(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "3101", e, t);
        Person p = e.person;
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("data");
        g.writeArrayFieldStart("rule_ids");
        g.writeEndArray();
        g.writeStringField("trig_scen", e.kind.inpatient() ? "4" : "2");
        g.writeArrayFieldStart("patient_dtos");
        g.writeStartObject();
        g.writeStringField("patn_id", p.psnNo);
        g.writeStringField("patn_name", p.name);
        g.writeStringField("gend", p.gender);
        g.writeStringField("brdy", p.birthDate.toString());
        g.writeStringField("poolarea", p.insuredAdmdvs);
        g.writeStringField("curr_mdtrt_id", e.id);
        g.writeArrayFieldStart("fsi_encounter_dtos");
        g.writeStartObject();
        g.writeStringField("mdtrt_id", e.id);
        g.writeStringField("medins_id", e.institution.code());
        g.writeStringField("medins_name", e.institution.name());
        g.writeStringField("medins_admdvs", e.institution.admdvs());
        g.writeStringField("medins_type", "1");
        g.writeStringField("medins_lv", medinsLevel(e.institution.level()));
        g.writeStringField("wardarea_codg", "");
        g.writeStringField("wardno", "");
        g.writeStringField("bedno", "");
        g.writeStringField("adm_date", time.dateTime(e.start));
        g.writeNullField("dscg_date");
        g.writeStringField("dscg_main_dise_codg", e.mainDiagnosis.code());
        g.writeStringField("dscg_main_dise_name", e.mainDiagnosis.name());
        g.writeStringField("dr_codg", e.doctor.code());
        g.writeStringField("adm_dept_codg", deptCode(e));
        g.writeStringField("adm_dept_name", deptName(e));
        g.writeStringField("dscg_dept_codg", "");
        g.writeStringField("dscg_dept_name", "");
        g.writeStringField("med_mdtrt_type", e.kind.inpatient() ? "2" : "1");
        g.writeStringField("med_type", e.kind.medType());
        g.writeStringField("matn_stas", "0");
        long sum = 0;
        for (FeeLine l : e.lines) {
            if (l.time <= t) {
                sum += l.totalFen;
            }
        }
        money(g, "medfee_sumamt", sum);
        money(g, "ownpay_amt", 0);
        money(g, "selfpay_amt", 0);
        money(g, "acct_payamt", 0);
        money(g, "ma_amt", 0);
        money(g, "hifp_payamt", 0);
        g.writeNumberField("setl_totlnum", 0);
        g.writeStringField("insutype", p.insuranceType);
        g.writeStringField("reim_flag", "0");
        g.writeStringField("out_setl_flag", e.offsite() ? "1" : "0");
        g.writeArrayFieldStart("fsi_diagnose_dtos");
        dto3101Diagnosis(g, e.mainDiagnosis, 1, e.start);
        g.writeEndArray();
        g.writeArrayFieldStart("fsi_operation_dtos");
        g.writeEndArray();
        g.writeArrayFieldStart("fsi_order_dtos");
        for (FeeLine l : e.lines) {
            if (l.time > t) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("rx_id", l.serial);
            g.writeStringField("rxno", "RX" + e.number);
            g.writeStringField("grpno", "");
            g.writeStringField("long_drord_flag", e.kind.inpatient() && l.kind == CatalogRecords.PriceKind.DRUG ? "1" : "0");
            g.writeStringField("hilist_type", l.listType);
            g.writeStringField("chrg_type", l.chargeType);
            g.writeStringField("drord_bhvr", "0");
            g.writeStringField("hilist_code", l.code);
            g.writeStringField("hilist_name", str(l.name));
            g.writeStringField("hilist_dosform", "");
            g.writeStringField("hilist_lv", "1");
            money(g, "hilist_pric", l.priceFen);
            g.writeStringField("hosplist_code", hospitalItemCode(l));
            g.writeStringField("hosplist_name", str(l.name));
            g.writeStringField("hosplist_dosform", "");
            g.writeNumberField("cnt", l.count);
            money(g, "pric", l.priceFen);
            money(g, "sumamt", l.totalFen);
            money(g, "ownpay_amt", 0);
            money(g, "selfpay_amt", 0);
            g.writeStringField("spec", "");
            g.writeStringField("spec_unt", str(l.unit));
            g.writeStringField("drord_begn_date", time.dateTime(l.time));
            g.writeNullField("drord_stop_date");
            Doctor d = l.doctor != null ? l.doctor : e.doctor;
            g.writeStringField("drord_dept_codg", str(d.deptCode()));
            g.writeStringField("drord_dept_name", str(d.deptName()));
            g.writeStringField("drord_dr_codg", d.code());
            g.writeStringField("drord_dr_name", d.name());
            g.writeStringField("drord_dr_profttl", str(d.titleCode()));
            g.writeStringField("curr_drord_flag", "1");
            g.writeEndObject();
        }
        g.writeEndArray();   // fsi_order_dtos
        g.writeEndObject();  // encounter
        g.writeEndArray();   // fsi_encounter_dtos
        g.writeEndObject();  // patient
        g.writeEndArray();   // patient_dtos
        g.writeEndObject();  // data
        g.writeEndObject();  // input
        g.writeEndObject();  // envelope
    }

    private void dto3101Diagnosis(JsonGenerator g, CodeName dx, int order, long t) throws IOException {
        g.writeStartObject();
        g.writeStringField("dise_id", Integer.toString(order));
        g.writeStringField("inout_dise_type", "1");
        g.writeStringField("maindise_flag", order == 1 ? "1" : "0");
        g.writeNumberField("dias_srt_no", order);
        g.writeStringField("dise_codg", dx.code());
        g.writeStringField("dise_name", dx.name());
        g.writeStringField("dise_date", time.dateTime(t));
        g.writeEndObject();
    }

    /** national hosp_lv: 三级 → 02 (三级甲等), 二级 → 05 (二级甲等), 一级 → 08 (一级甲等), else 11 (无等级). */
    static String medinsLevel(int level) {
        return switch (level) {
            case 3 -> "02";
            case 2 -> "05";
            case 1 -> "08";
            default -> "11";
        };
    }
}
