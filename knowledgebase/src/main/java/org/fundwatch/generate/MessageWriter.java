package org.fundwatch.generate;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;

/**
 * Renders one national-format message (request envelope, and for settlements and admissions the
 * platform's output) with a streaming {@link JsonGenerator}. Field names follow
 * {@code national-interface-fields.md}; amounts are written as two-decimal numbers from fen.
 */
final class MessageWriter {
    static final String INTERNET_EXP = "{\"internet_flag\":\"1\",\"fu_visit_flag\":\"1\"}";

    // pre-encoded names of the hottest fields (fee lines)
    private static final SerializedString N_FEEDETL_SN = new SerializedString("feedetl_sn");
    private static final SerializedString N_MDTRT_ID = new SerializedString("mdtrt_id");
    private static final SerializedString N_PSN_NO = new SerializedString("psn_no");
    private static final SerializedString N_MED_TYPE = new SerializedString("med_type");
    private static final SerializedString N_CHRG_BCHNO = new SerializedString("chrg_bchno");
    private static final SerializedString N_DISE_CODG = new SerializedString("dise_codg");
    private static final SerializedString N_RXNO = new SerializedString("rxno");
    private static final SerializedString N_RX_CIRC_FLAG = new SerializedString("rx_circ_flag");
    private static final SerializedString N_FEE_OCUR_TIME = new SerializedString("fee_ocur_time");
    private static final SerializedString N_MED_LIST_CODG = new SerializedString("med_list_codg");
    private static final SerializedString N_MEDINS_LIST_CODG = new SerializedString("medins_list_codg");
    private static final SerializedString N_DET_ITEM_FEE_SUMAMT = new SerializedString("det_item_fee_sumamt");
    private static final SerializedString N_CNT = new SerializedString("cnt");
    private static final SerializedString N_PRIC = new SerializedString("pric");
    private static final SerializedString N_PRD_DAYS = new SerializedString("prd_days");
    private static final SerializedString N_BILG_DEPT_CODG = new SerializedString("bilg_dept_codg");
    private static final SerializedString N_BILG_DEPT_NAME = new SerializedString("bilg_dept_name");
    private static final SerializedString N_BILG_DR_CODG = new SerializedString("bilg_dr_codg");
    private static final SerializedString N_BILG_DR_NAME = new SerializedString("bilg_dr_name");
    private static final SerializedString N_HOSP_APPR_FLAG = new SerializedString("hosp_appr_flag");
    private static final SerializedString N_EXP_CONTENT = new SerializedString("exp_content");
    private static final SerializedString N_INPUT = new SerializedString("input");
    private static final SerializedString N_FEEDETAIL = new SerializedString("feedetail");
    private static final SerializedString V_ZERO = new SerializedString("0");

    private final TimeText time;
    private final java.time.LocalDate start;
    private long msgSeq;

    MessageWriter(TimeText time, java.time.LocalDate start) {
        this.time = time;
        this.start = start;
    }

    private final java.util.Map<String, SerializedString> names = new java.util.HashMap<>();
    private final java.util.Map<String, SerializedString> values = new java.util.HashMap<>();
    private final char[] buffer = new char[32];

    /** The field name pre-encoded once: hot paths then copy bytes instead of re-encoding. */
    private SerializedString name(String field) {
        SerializedString s = names.get(field);
        if (s == null) {
            s = new SerializedString(field);
            names.put(field, s);
        }
        return s;
    }

    /** A value from a small bounded set (doctor, department, institution), pre-encoded once. */
    private SerializedString cached(String value) {
        SerializedString s = values.get(value);
        if (s == null) {
            s = new SerializedString(value);
            values.put(value, s);
        }
        return s;
    }

    private void field(JsonGenerator g, String field, String value) throws IOException {
        g.writeFieldName(name(field));
        g.writeString(value);
    }

    private void cachedField(JsonGenerator g, String field, String value) throws IOException {
        g.writeFieldName(name(field));
        g.writeString(cached(value == null ? "" : value));
    }

    private void money(JsonGenerator g, String field, long fen) throws IOException {
        g.writeFieldName(name(field));
        int n = Money.write(fen, buffer);
        g.writeNumber(buffer, 0, n);
    }

    private void timeField(JsonGenerator g, String field, long t) throws IOException {
        g.writeFieldName(name(field));
        time.dateTime(t, buffer);
        g.writeString(buffer, 0, 19);
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
        cachedField(g, "infno", infno);
        field(g, "msgid", msgid);
        cachedField(g, "mdtrtarea_admvs", e.institution.admdvs());
        cachedField(g, "insuplc_admdvs", e.person.insuredAdmdvs);
        cachedField(g, "recer_sys_code", "YBXT");
        cachedField(g, "dev_no", "");
        cachedField(g, "dev_safe_info", "");
        cachedField(g, "cainfo", "");
        cachedField(g, "signtype", "");
        cachedField(g, "infver", "V1.0");
        cachedField(g, "opter_type", "1");
        Doctor d = e.doctor;
        cachedField(g, "opter", d != null ? d.code() : e.institution.code() + "01");
        cachedField(g, "opter_name", d != null ? d.name() : "收费员");
        timeField(g, "inf_time", t);
        cachedField(g, "fixmedins_code", e.institution.code());
        cachedField(g, "fixmedins_name", e.institution.name());
        cachedField(g, "sign_no", "");
        return msgid;
    }

    private static String deptCode(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptCode()) : "";
    }

    private static String deptName(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptName()) : "";
    }

    private final java.util.Map<String, String> hospitalCodes = new java.util.HashMap<>();

    /** The hospital's own catalogue code for a national code (synthetic: a prefix and the code's tail). */
    private String hospitalItemCode(FeeLine l) {
        String c = hospitalCodes.get(l.code);
        if (c == null) {
            int n = l.code.length();
            c = (l.code.charAt(0) == 'X' || l.code.charAt(0) == 'Z' ? "YP" : "XM") + l.code.substring(Math.max(0, n - 8));
            hospitalCodes.put(l.code, c);
        }
        return c;
    }

    /** 2203 门诊就诊信息上传: diagnoses of an outpatient, chronic or internet visit. */
    void write2203(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "2203", e, t);
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("mdtrtinfo");
        field(g, "mdtrt_id", e.id);
        field(g, "psn_no", e.person.psnNo);
        field(g, "med_type", e.kind.medType());
        field(g, "begntime", time.dateTime(e.start));
        field(g, "main_cond_dscr", "");
        field(g, "dise_codg", e.chronicCode != null ? e.chronicCode : e.mainDiagnosis.code());
        field(g, "dise_name", e.chronicCode != null ? e.mainDiagnosis.name() : e.mainDiagnosis.name());
        field(g, "birctrl_type", "");
        field(g, "birctrl_matn_date", "");
        field(g, "exp_content", e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
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
        field(g, "psn_no", e.person.psnNo);
        field(g, "diag_type", "1");
        field(g, "maindiag_flag", order == 1 ? "1" : "0");
        g.writeNumberField("diag_srt_no", order);
        field(g, "diag_code", dx.code());
        field(g, "diag_name", dx.name());
        field(g, "adm_cond", "");
        field(g, "diag_dept", deptName(e));
        field(g, "dise_dor_no", e.doctor != null ? e.doctor.code() : "");
        field(g, "dise_dor_name", e.doctor != null ? e.doctor.name() : "");
        field(g, "diag_time", time.dateTime(t));
        g.writeEndObject();
    }

    /**
     * 2204 门诊费用明细上传 / 2301 住院费用明细上传 with the given lines. Optional fields the source system
     * leaves empty are omitted, as HIS clients do; required ones are always present.
     */
    void writeFeeUpload(JsonGenerator g, Encounter e, List<FeeLine> lines, long t) throws IOException {
        boolean inpatient = e.kind.inpatient();
        envelope(g, inpatient ? "2301" : "2204", e, t);
        g.writeFieldName(N_INPUT);
        g.writeStartObject();
        g.writeFieldName(N_FEEDETAIL);
        g.writeStartArray();
        boolean internet = e.kind == EncounterKind.INTERNET;
        SerializedString mdtrtId = new SerializedString(e.id);
        SerializedString psnNo = new SerializedString(e.person.psnNo);
        SerializedString medType = cached(e.kind.medType());
        SerializedString batch = inpatient ? null : new SerializedString("CB" + e.number);
        SerializedString rxno = inpatient ? null : new SerializedString("RX" + e.number);
        for (FeeLine l : lines) {
            g.writeStartObject();
            g.writeFieldName(N_FEEDETL_SN);
            g.writeString(l.serial);
            g.writeFieldName(N_MDTRT_ID);
            g.writeString(mdtrtId);
            g.writeFieldName(N_PSN_NO);
            g.writeString(psnNo);
            g.writeFieldName(N_MED_TYPE);
            g.writeString(medType);
            if (!inpatient) {
                g.writeFieldName(N_CHRG_BCHNO);
                g.writeString(batch);
                if (e.chronicCode != null) {
                    g.writeFieldName(N_DISE_CODG);
                    g.writeString(cached(e.chronicCode));
                }
                if (l.supplyDays > 0) {
                    g.writeFieldName(N_RXNO);
                    g.writeString(rxno);
                }
                g.writeFieldName(N_RX_CIRC_FLAG);
                g.writeString(V_ZERO);
            }
            g.writeFieldName(N_FEE_OCUR_TIME);
            time.dateTime(l.time, buffer);
            g.writeString(buffer, 0, 19);
            g.writeFieldName(N_MED_LIST_CODG);
            g.writeString(l.codeText.code);
            g.writeFieldName(N_MEDINS_LIST_CODG);
            g.writeString(l.codeText.hospitalCode);
            g.writeFieldName(N_DET_ITEM_FEE_SUMAMT);
            g.writeNumber(buffer, 0, Money.write(l.totalFen, buffer));
            g.writeFieldName(N_CNT);
            g.writeNumber(l.count);
            g.writeFieldName(N_PRIC);
            g.writeNumber(buffer, 0, Money.write(l.priceFen, buffer));
            if (l.supplyDays > 0) {
                g.writeFieldName(N_PRD_DAYS);
                g.writeNumber(l.supplyDays);
            }
            DoctorText d = l.doctorText;
            g.writeFieldName(N_BILG_DEPT_CODG);
            g.writeString(d.deptCode);
            g.writeFieldName(N_BILG_DEPT_NAME);
            g.writeString(d.deptName);
            g.writeFieldName(N_BILG_DR_CODG);
            g.writeString(d.code);
            g.writeFieldName(N_BILG_DR_NAME);
            g.writeString(d.name);
            g.writeFieldName(N_HOSP_APPR_FLAG);
            g.writeString(V_ZERO);
            if (internet) {
                g.writeFieldName(N_EXP_CONTENT);
                g.writeString(INTERNET_EXP);
            }
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
        field(g, "psn_no", p.psnNo);
        field(g, "mdtrt_cert_type", "02");
        field(g, "mdtrt_cert_no", p.certno);
        if (!inpatient) {
            field(g, "med_type", e.kind.medType());
        }
        money(g, "medfee_sumamt", s.totalFen());
        field(g, "psn_setlway", "01");
        field(g, "mdtrt_id", e.id);
        if (!inpatient) {
            field(g, "chrg_bchno", "CB" + e.number);
        }
        field(g, "insutype", p.insuranceType);
        field(g, "acct_used_flag", s.accountFen() > 0 ? "1" : "0");
        field(g, "invono", "");
        if (inpatient) {
            field(g, "mid_setl_flag", "0");
        }
        money(g, "fulamt_ownpay_amt", 0);
        money(g, "overlmt_selfpay", 0);
        money(g, "preselfpay_amt", 0);
        money(g, "inscp_scp_amt", s.totalFen());
        field(g, "exp_content", e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("output");
        g.writeObjectFieldStart("setlinfo");
        field(g, "mdtrt_id", e.id);
        field(g, "setl_id", e.settlementId);
        field(g, "psn_no", p.psnNo);
        field(g, "psn_name", p.name);
        field(g, "psn_cert_type", "01");
        field(g, "certno", p.certno);
        field(g, "gend", p.gender);
        field(g, "naty", "01");
        field(g, "brdy", p.birthDate.toString());
        g.writeFieldName("age");
        g.writeNumber(p.ageYears(dateOf(e)) + ".0");
        field(g, "insutype", p.insuranceType);
        field(g, "psn_type", p.personType);
        field(g, "cvlserv_flag", "0");
        field(g, "setl_time", time.dateTime(t));
        field(g, "mdtrt_cert_type", "02");
        field(g, "med_type", e.kind.medType());
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
        field(g, "medins_setl_id", msgid);
        field(g, "clr_optins", p.insuredAdmdvs);
        field(g, "clr_way", "01");
        field(g, "clr_type", e.kind.clearingType());
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
        return basisPoints / 10_000 + "." + Money.zeroPad(basisPoints % 10_000, 4);
    }

    private void fund(JsonGenerator g, String type, String name, long scope, long paid) throws IOException {
        g.writeStartObject();
        field(g, "fund_pay_type", type);
        money(g, "inscp_scp_amt", scope);
        money(g, "crt_payb_lmt_amt", paid);
        money(g, "fund_payamt", paid);
        field(g, "fund_pay_type_name", name);
        field(g, "setl_proc_info", "");
        g.writeEndObject();
    }

    /** 2401 入院办理 with the platform's answer (mdtrt_id) in output.result. */
    void write2401(JsonGenerator g, Encounter e, long t) throws IOException {
        envelope(g, "2401", e, t);
        Person p = e.person;
        g.writeObjectFieldStart("input");
        g.writeObjectFieldStart("mdtrtinfo");
        field(g, "psn_no", p.psnNo);
        field(g, "insutype", p.insuranceType);
        field(g, "coner_name", "");
        field(g, "tel", "");
        field(g, "begntime", time.dateTime(e.start));
        field(g, "mdtrt_cert_type", "02");
        field(g, "mdtrt_cert_no", p.certno);
        field(g, "med_type", e.kind.medType());
        field(g, "ipt_no", "ZY" + e.number);
        field(g, "medrcdno", "BA" + e.number);
        field(g, "atddr_no", e.doctor.code());
        field(g, "chfpdr_name", e.doctor.name());
        field(g, "adm_diag_dscr", e.mainDiagnosis.name());
        field(g, "adm_dept_codg", deptCode(e));
        field(g, "adm_dept_name", deptName(e));
        field(g, "adm_bed", (e.number % 40 + 1) + "床");
        field(g, "dscg_maindiag_code", e.mainDiagnosis.code());
        field(g, "dscg_maindiag_name", e.mainDiagnosis.name());
        field(g, "main_cond_dscr", "");
        field(g, "dise_codg", "");
        field(g, "dise_name", "");
        field(g, "oprn_oprt_code", "");
        field(g, "oprn_oprt_name", "");
        field(g, "dise_type_code", "");
        g.writeEndObject();
        diseinfo(g, e, false, e.start);
        g.writeEndObject();
        g.writeObjectFieldStart("output");
        g.writeObjectFieldStart("result");
        field(g, "mdtrt_id", e.id);
        field(g, "psn_no", p.psnNo);
        field(g, "ipt_otp_no", "ZY" + e.number);
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
        field(g, "mdtrt_id", e.id);
        field(g, "psn_no", p.psnNo);
        field(g, "insutype", p.insuranceType);
        field(g, "endtime", time.dateTime(e.end));
        field(g, "dise_codg", "");
        field(g, "dise_name", "");
        field(g, "oprn_oprt_code", "");
        field(g, "oprn_oprt_name", "");
        field(g, "cop_flag", e.secondaryDiagnoses.isEmpty() ? "0" : "1");
        field(g, "dscg_dept_codg", deptCode(e));
        field(g, "dscg_dept_name", deptName(e));
        field(g, "dscg_bed", (e.number % 40 + 1) + "床");
        field(g, "dscg_way", "1");
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
        field(g, "trig_scen", e.kind.inpatient() ? "4" : "2");
        g.writeArrayFieldStart("patient_dtos");
        g.writeStartObject();
        field(g, "patn_id", p.psnNo);
        field(g, "patn_name", p.name);
        field(g, "gend", p.gender);
        field(g, "brdy", p.birthDate.toString());
        field(g, "poolarea", p.insuredAdmdvs);
        field(g, "curr_mdtrt_id", e.id);
        g.writeArrayFieldStart("fsi_encounter_dtos");
        g.writeStartObject();
        field(g, "mdtrt_id", e.id);
        field(g, "medins_id", e.institution.code());
        field(g, "medins_name", e.institution.name());
        field(g, "medins_admdvs", e.institution.admdvs());
        field(g, "medins_type", "1");
        field(g, "medins_lv", medinsLevel(e.institution.level()));
        field(g, "wardarea_codg", "");
        field(g, "wardno", "");
        field(g, "bedno", "");
        field(g, "adm_date", time.dateTime(e.start));
        g.writeNullField("dscg_date");
        field(g, "dscg_main_dise_codg", e.mainDiagnosis.code());
        field(g, "dscg_main_dise_name", e.mainDiagnosis.name());
        field(g, "dr_codg", e.doctor.code());
        field(g, "adm_dept_codg", deptCode(e));
        field(g, "adm_dept_name", deptName(e));
        field(g, "dscg_dept_codg", "");
        field(g, "dscg_dept_name", "");
        field(g, "med_mdtrt_type", e.kind.inpatient() ? "2" : "1");
        field(g, "med_type", e.kind.medType());
        field(g, "matn_stas", "0");
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
        field(g, "insutype", p.insuranceType);
        field(g, "reim_flag", "0");
        field(g, "out_setl_flag", e.offsite() ? "1" : "0");
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
            field(g, "rx_id", l.serial);
            field(g, "rxno", "RX" + e.number);
            field(g, "grpno", "");
            field(g, "long_drord_flag", e.kind.inpatient() && l.kind == CatalogRecords.PriceKind.DRUG ? "1" : "0");
            field(g, "hilist_type", l.listType);
            field(g, "chrg_type", l.chargeType);
            field(g, "drord_bhvr", "0");
            field(g, "hilist_code", l.code);
            field(g, "hilist_name", str(l.name));
            field(g, "hilist_dosform", "");
            field(g, "hilist_lv", "1");
            money(g, "hilist_pric", l.priceFen);
            field(g, "hosplist_code", hospitalItemCode(l));
            field(g, "hosplist_name", str(l.name));
            field(g, "hosplist_dosform", "");
            g.writeNumberField("cnt", l.count);
            money(g, "pric", l.priceFen);
            money(g, "sumamt", l.totalFen);
            money(g, "ownpay_amt", 0);
            money(g, "selfpay_amt", 0);
            field(g, "spec", "");
            field(g, "spec_unt", str(l.unit));
            field(g, "drord_begn_date", time.dateTime(l.time));
            g.writeNullField("drord_stop_date");
            Doctor d = l.doctor != null ? l.doctor : e.doctor;
            field(g, "drord_dept_codg", str(d.deptCode()));
            field(g, "drord_dept_name", str(d.deptName()));
            field(g, "drord_dr_codg", d.code());
            field(g, "drord_dr_name", d.name());
            field(g, "drord_dr_profttl", str(d.titleCode()));
            field(g, "curr_drord_flag", "1");
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
        field(g, "dise_id", Integer.toString(order));
        field(g, "inout_dise_type", "1");
        field(g, "maindise_flag", order == 1 ? "1" : "0");
        g.writeNumberField("dias_srt_no", order);
        field(g, "dise_codg", dx.code());
        field(g, "dise_name", dx.name());
        field(g, "dise_date", time.dateTime(t));
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
