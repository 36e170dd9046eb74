package org.fundwatch.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;

/**
 * Renders one national-format message (request envelope, and for settlements and admissions the
 * platform's output) into a {@link JsonBytes} buffer. Field names follow
 * {@code national-interface-fields.md}; amounts are written as two-decimal numbers from fen.
 *
 * <p>The frequent messages (envelope, 2203, 2204/2301, 2207/2304: over 95% of the bytes) use field
 * names encoded once as constants and pre-rendered fragments for their runs of constant members
 * (empty envelope slots, zero amounts of a settlement); the rare ones (2401, 2402, 3101) look names
 * up in a small cache. Either way the bytes are those of a compact Jackson rendering.
 */
final class MessageWriter {
    static final String INTERNET_EXP = "{\"internet_flag\":\"1\",\"fu_visit_flag\":\"1\"}";

    private static byte[] n(String field) {
        return JsonBytes.name(field);
    }

    // envelope
    private static final byte[] N_INFNO = n("infno");
    private static final byte[] N_MSGID = n("msgid");
    private static final byte[] N_MDTRTAREA_ADMVS = n("mdtrtarea_admvs");
    private static final byte[] N_INSUPLC_ADMDVS = n("insuplc_admdvs");
    private static final byte[] ENVELOPE_FIXED = JsonBytes.fragment(g -> {
        g.field(n("recer_sys_code"));
        g.string("YBXT");
        g.field(n("dev_no"));
        g.string("");
        g.field(n("dev_safe_info"));
        g.string("");
        g.field(n("cainfo"));
        g.string("");
        g.field(n("signtype"));
        g.string("");
        g.field(n("infver"));
        g.string("V1.0");
        g.field(n("opter_type"));
        g.string("1");
    });
    private static final byte[] N_OPTER = n("opter");
    private static final byte[] N_OPTER_NAME = n("opter_name");
    private static final byte[] N_INF_TIME = n("inf_time");
    private static final byte[] N_FIXMEDINS_CODE = n("fixmedins_code");
    private static final byte[] N_FIXMEDINS_NAME = n("fixmedins_name");
    private static final byte[] SIGN_NO_EMPTY = JsonBytes.fragment(g -> {
        g.field(n("sign_no"));
        g.string("");
    });

    // shared names
    private static final byte[] N_INPUT = n("input");
    private static final byte[] N_OUTPUT = n("output");
    private static final byte[] N_DATA = n("data");
    private static final byte[] N_MDTRTINFO = n("mdtrtinfo");
    private static final byte[] N_MDTRT_ID = n("mdtrt_id");
    private static final byte[] N_PSN_NO = n("psn_no");
    private static final byte[] N_MED_TYPE = n("med_type");
    private static final byte[] N_BEGNTIME = n("begntime");
    private static final byte[] N_DISE_CODG = n("dise_codg");
    private static final byte[] N_DISE_NAME = n("dise_name");
    private static final byte[] N_EXP_CONTENT = n("exp_content");
    private static final byte[] N_INSUTYPE = n("insutype");
    private static final byte[] N_CHRG_BCHNO = n("chrg_bchno");
    private static final byte[] N_MEDFEE_SUMAMT = n("medfee_sumamt");
    private static final byte[] N_INSCP_SCP_AMT = n("inscp_scp_amt");
    private static final byte[] N_AGE = n("age");

    // 2203 and diagnoses
    private static final byte[] N_MAIN_COND_DSCR = n("main_cond_dscr");
    private static final byte[] BIRCTRL_EMPTY = JsonBytes.fragment(g -> {
        g.field(n("birctrl_type"));
        g.string("");
        g.field(n("birctrl_matn_date"));
        g.string("");
    });
    private static final byte[] N_DISEINFO = n("diseinfo");
    private static final byte[] DIAG_TYPE_1 = JsonBytes.fragment(g -> {
        g.field(n("diag_type"));
        g.string("1");
    });
    private static final byte[] N_MAINDIAG_FLAG = n("maindiag_flag");
    private static final byte[] N_DIAG_SRT_NO = n("diag_srt_no");
    private static final byte[] N_DIAG_CODE = n("diag_code");
    private static final byte[] N_DIAG_NAME = n("diag_name");
    private static final byte[] ADM_COND_EMPTY = JsonBytes.fragment(g -> {
        g.field(n("adm_cond"));
        g.string("");
    });
    private static final byte[] N_DIAG_DEPT = n("diag_dept");
    private static final byte[] N_DISE_DOR_NO = n("dise_dor_no");
    private static final byte[] N_DISE_DOR_NAME = n("dise_dor_name");
    private static final byte[] N_DIAG_TIME = n("diag_time");

    // fee lines
    private static final byte[] N_FEEDETAIL = n("feedetail");
    private static final byte[] N_FEEDETL_SN = n("feedetl_sn");
    private static final byte[] N_RXNO = n("rxno");
    private static final byte[] RX_CIRC_FLAG_0 = JsonBytes.fragment(g -> {
        g.field(n("rx_circ_flag"));
        g.string("0");
    });
    private static final byte[] N_FEE_OCUR_TIME = n("fee_ocur_time");
    private static final byte[] N_MED_LIST_CODG = n("med_list_codg");
    private static final byte[] N_MEDINS_LIST_CODG = n("medins_list_codg");
    private static final byte[] N_DET_ITEM_FEE_SUMAMT = n("det_item_fee_sumamt");
    private static final byte[] N_CNT = n("cnt");
    private static final byte[] N_PRIC = n("pric");
    private static final byte[] N_PRD_DAYS = n("prd_days");
    private static final byte[] N_BILG_DEPT_CODG = n("bilg_dept_codg");
    private static final byte[] N_BILG_DEPT_NAME = n("bilg_dept_name");
    private static final byte[] N_BILG_DR_CODG = n("bilg_dr_codg");
    private static final byte[] N_BILG_DR_NAME = n("bilg_dr_name");
    private static final byte[] HOSP_APPR_FLAG_0 = JsonBytes.fragment(g -> {
        g.field(n("hosp_appr_flag"));
        g.string("0");
    });
    private static final byte[] INTERNET_EXP_MEMBER = JsonBytes.fragment(g -> {
        g.field(n("exp_content"));
        g.string(INTERNET_EXP);
    });

    // settlement
    private static final byte[] MDTRT_CERT_TYPE_02 = JsonBytes.fragment(g -> {
        g.field(n("mdtrt_cert_type"));
        g.string("02");
    });
    private static final byte[] N_MDTRT_CERT_NO = n("mdtrt_cert_no");
    private static final byte[] PSN_SETLWAY_01 = JsonBytes.fragment(g -> {
        g.field(n("psn_setlway"));
        g.string("01");
    });
    private static final byte[] N_ACCT_USED_FLAG = n("acct_used_flag");
    private static final byte[] INVONO_EMPTY = JsonBytes.fragment(g -> {
        g.field(n("invono"));
        g.string("");
    });
    private static final byte[] MID_SETL_FLAG_0 = JsonBytes.fragment(g -> {
        g.field(n("mid_setl_flag"));
        g.string("0");
    });
    /** fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt: always zero in synthetic data. */
    private static final byte[] SELF_PAY_ZEROS = JsonBytes.fragment(g -> {
        for (String f : new String[] {"fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt"}) {
            g.field(n(f));
            g.money(0);
        }
    });
    private static final byte[] N_SETLINFO = n("setlinfo");
    private static final byte[] N_SETL_ID = n("setl_id");
    private static final byte[] N_PSN_NAME = n("psn_name");
    private static final byte[] PSN_CERT_TYPE_01 = JsonBytes.fragment(g -> {
        g.field(n("psn_cert_type"));
        g.string("01");
    });
    private static final byte[] N_CERTNO = n("certno");
    private static final byte[] N_GEND = n("gend");
    private static final byte[] NATY_01 = JsonBytes.fragment(g -> {
        g.field(n("naty"));
        g.string("01");
    });
    private static final byte[] N_BRDY = n("brdy");
    private static final byte[] N_PSN_TYPE = n("psn_type");
    private static final byte[] CVLSERV_FLAG_0 = JsonBytes.fragment(g -> {
        g.field(n("cvlserv_flag"));
        g.string("0");
    });
    private static final byte[] N_SETL_TIME = n("setl_time");
    private static final byte[] ACT_PAY_DEDC_0 = JsonBytes.fragment(g -> {
        g.field(n("act_pay_dedc"));
        g.money(0);
    });
    private static final byte[] N_HIFP_PAY = n("hifp_pay");
    private static final byte[] N_POOL_PROP_SELFPAY = n("pool_prop_selfpay");
    /** cvlserv_pay … oth_pay: the funds synthetic settlements never use. */
    private static final byte[] OTHER_FUNDS_ZEROS = JsonBytes.fragment(g -> {
        for (String f : new String[] {"cvlserv_pay", "hifes_pay", "hifmi_pay", "hifob_pay", "maf_pay",
                "hosp_part_amt", "oth_pay"}) {
            g.field(n(f));
            g.money(0);
        }
    });
    private static final byte[] N_FUND_PAY_SUMAMT = n("fund_pay_sumamt");
    private static final byte[] N_PSN_PART_AMT = n("psn_part_amt");
    private static final byte[] N_ACCT_PAY = n("acct_pay");
    private static final byte[] N_PSN_CASH_PAY = n("psn_cash_pay");
    private static final byte[] N_BALC = n("balc");
    private static final byte[] ACCT_MULAID_PAY_0 = JsonBytes.fragment(g -> {
        g.field(n("acct_mulaid_pay"));
        g.money(0);
    });
    private static final byte[] N_MEDINS_SETL_ID = n("medins_setl_id");
    private static final byte[] N_CLR_OPTINS = n("clr_optins");
    private static final byte[] CLR_WAY_01 = JsonBytes.fragment(g -> {
        g.field(n("clr_way"));
        g.string("01");
    });
    private static final byte[] N_CLR_TYPE = n("clr_type");
    private static final byte[] N_SETLDETAIL = n("setldetail");
    private static final byte[] N_FUND_PAY_TYPE = n("fund_pay_type");
    private static final byte[] N_CRT_PAYB_LMT_AMT = n("crt_payb_lmt_amt");
    private static final byte[] N_FUND_PAYAMT = n("fund_payamt");
    private static final byte[] N_FUND_PAY_TYPE_NAME = n("fund_pay_type_name");
    private static final byte[] SETL_PROC_INFO_EMPTY = JsonBytes.fragment(g -> {
        g.field(n("setl_proc_info"));
        g.string("");
    });

    private final TimeText time;
    private final java.time.LocalDate start;
    private long msgSeq;
    /** The current message's msgid (ASCII), reused as the settlement's medins_setl_id. */
    private final byte[] msgid = new byte[64];
    private int msgidLength;

    MessageWriter(TimeText time, java.time.LocalDate start) {
        this.time = time;
        this.start = start;
    }

    /** Names of the rare messages, encoded on first use. */
    private final Map<String, byte[]> names = new HashMap<>();

    private byte[] name(String field) {
        byte[] s = names.get(field);
        if (s == null) {
            s = JsonBytes.name(field);
            names.put(field, s);
        }
        return s;
    }

    private void field(JsonBytes g, String field, String value) {
        g.field(name(field));
        g.string(value);
    }

    private void money(JsonBytes g, String field, long fen) {
        g.field(name(field));
        g.money(fen);
    }

    private void timeField(JsonBytes g, String field, long t) {
        g.field(name(field));
        time(g, t);
    }

    private void time(JsonBytes g, long t) {
        g.dateTime(time.dateBytes(t), TimeText.secondOfDay(t));
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    /** msgid = institution code + yyyyMMddHHmmss + a 4-digit sequence; kept in {@link #msgid}. */
    private void msgid(Encounter e, long t) {
        String code = e.institution.code();
        int n = code.length();
        int p = 0;
        for (int i = 0; i < n; i++) {
            msgid[p++] = (byte) code.charAt(i);
        }
        p = time.compact(t, msgid, p);
        long seq = msgSeq++ % 10_000;
        for (int i = 3; i >= 0; i--) {
            msgid[p + i] = (byte) ('0' + seq % 10);
            seq /= 10;
        }
        msgidLength = p + 4;
    }

    /** Writes the envelope fields up to (not including) {@code input}; the msgid is left in {@link #msgid}. */
    private void envelope(JsonBytes g, String infno, Encounter e, long t) {
        msgid(e, t);
        g.startObject();
        g.field(N_INFNO);
        g.string(infno);
        g.field(N_MSGID);
        g.asciiString(msgid, 0, msgidLength);
        g.field(N_MDTRTAREA_ADMVS);
        g.string(str(e.institution.admdvs()));
        g.field(N_INSUPLC_ADMDVS);
        g.string(str(e.person.insuredAdmdvs));
        g.members(ENVELOPE_FIXED);
        Doctor d = e.doctor;
        g.field(N_OPTER);
        g.string(d != null ? str(d.code()) : e.institution.code() + "01");
        g.field(N_OPTER_NAME);
        g.string(d != null ? str(d.name()) : "收费员");
        g.field(N_INF_TIME);
        time(g, t);
        g.field(N_FIXMEDINS_CODE);
        g.string(str(e.institution.code()));
        g.field(N_FIXMEDINS_NAME);
        g.string(str(e.institution.name()));
        g.members(SIGN_NO_EMPTY);
    }

    private static String deptCode(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptCode()) : "";
    }

    private static String deptName(Encounter e) {
        return e.doctor != null ? str(e.doctor.deptName()) : "";
    }

    private final Map<String, String> hospitalCodes = new HashMap<>();

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
    void write2203(JsonBytes g, Encounter e, long t) {
        envelope(g, "2203", e, t);
        g.field(N_INPUT);
        g.startObject();
        g.field(N_MDTRTINFO);
        g.startObject();
        g.field(N_MDTRT_ID);
        g.string(e.id);
        g.field(N_PSN_NO);
        g.string(e.person.psnNo);
        g.field(N_MED_TYPE);
        g.string(e.kind.medType());
        g.field(N_BEGNTIME);
        time(g, e.start);
        g.field(N_MAIN_COND_DSCR);
        g.string("");
        g.field(N_DISE_CODG);
        g.string(e.chronicCode != null ? e.chronicCode : e.mainDiagnosis.code());
        g.field(N_DISE_NAME);
        g.string(e.mainDiagnosis.name());
        g.members(BIRCTRL_EMPTY);
        g.field(N_EXP_CONTENT);
        g.string(e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
        g.endObject();
        diseinfo(g, e, false, e.start);
        g.endObject();
        g.endObject();
    }

    private void diseinfo(JsonBytes g, Encounter e, boolean withSecondary, long t) {
        g.field(N_DISEINFO);
        g.startArray();
        diagnosis(g, e, e.mainDiagnosis, 1, t);
        if (withSecondary) {
            int n = 2;
            for (CodeName c : e.secondaryDiagnoses) {
                diagnosis(g, e, c, n++, t);
            }
        }
        g.endArray();
    }

    private void diagnosis(JsonBytes g, Encounter e, CodeName dx, int order, long t) {
        g.startObject();
        g.field(N_PSN_NO);
        g.string(e.person.psnNo);
        g.members(DIAG_TYPE_1);
        g.field(N_MAINDIAG_FLAG);
        g.string(order == 1 ? "1" : "0");
        g.field(N_DIAG_SRT_NO);
        g.number(order);
        g.field(N_DIAG_CODE);
        g.string(dx.code());
        g.field(N_DIAG_NAME);
        g.string(dx.name());
        g.members(ADM_COND_EMPTY);
        g.field(N_DIAG_DEPT);
        g.string(deptName(e));
        g.field(N_DISE_DOR_NO);
        g.string(e.doctor != null ? e.doctor.code() : "");
        g.field(N_DISE_DOR_NAME);
        g.string(e.doctor != null ? e.doctor.name() : "");
        g.field(N_DIAG_TIME);
        time(g, t);
        g.endObject();
    }

    /**
     * 2204 门诊费用明细上传 / 2301 住院费用明细上传 with the given lines. Optional fields the source system
     * leaves empty are omitted, as HIS clients do; required ones are always present.
     */
    void writeFeeUpload(JsonBytes g, Encounter e, List<FeeLine> lines, long t) {
        boolean inpatient = e.kind.inpatient();
        envelope(g, inpatient ? "2301" : "2204", e, t);
        g.field(N_INPUT);
        g.startObject();
        g.field(N_FEEDETAIL);
        g.startArray();
        boolean internet = e.kind == EncounterKind.INTERNET;
        String medType = e.kind.medType();
        for (int i = 0, n = lines.size(); i < n; i++) {
            FeeLine l = lines.get(i);
            g.startObject();
            g.field(N_FEEDETL_SN);
            g.string(l.serial);
            g.field(N_MDTRT_ID);
            g.string(e.id);
            g.field(N_PSN_NO);
            g.string(e.person.psnNo);
            g.field(N_MED_TYPE);
            g.string(medType);
            if (!inpatient) {
                g.field(N_CHRG_BCHNO);
                g.startString();
                g.rawAscii("CB");
                g.rawPadded(e.number, 1);
                g.endString();
                if (e.chronicCode != null) {
                    g.field(N_DISE_CODG);
                    g.string(e.chronicCode);
                }
                if (l.supplyDays > 0) {
                    g.field(N_RXNO);
                    g.startString();
                    g.rawAscii("RX");
                    g.rawPadded(e.number, 1);
                    g.endString();
                }
                g.members(RX_CIRC_FLAG_0);
            }
            g.field(N_FEE_OCUR_TIME);
            time(g, l.time);
            g.field(N_MED_LIST_CODG);
            g.encoded(l.codeText.code);
            g.field(N_MEDINS_LIST_CODG);
            g.encoded(l.codeText.hospitalCode);
            g.field(N_DET_ITEM_FEE_SUMAMT);
            g.money(l.totalFen);
            g.field(N_CNT);
            g.number(l.count);
            g.field(N_PRIC);
            g.money(l.priceFen);
            if (l.supplyDays > 0) {
                g.field(N_PRD_DAYS);
                g.number(l.supplyDays);
            }
            DoctorText d = l.doctorText;
            g.field(N_BILG_DEPT_CODG);
            g.encoded(d.deptCode);
            g.field(N_BILG_DEPT_NAME);
            g.encoded(d.deptName);
            g.field(N_BILG_DR_CODG);
            g.encoded(d.code);
            g.field(N_BILG_DR_NAME);
            g.encoded(d.name);
            g.members(HOSP_APPR_FLAG_0);
            if (internet) {
                g.members(INTERNET_EXP_MEMBER);
            }
            g.endObject();
        }
        g.endArray();
        g.endObject();
        g.endObject();
    }

    /** 2207 门诊结算 / 2304 住院结算: input.data plus output.setlinfo and output.setldetail. */
    void writeSettlement(JsonBytes g, Encounter e, long t) {
        boolean inpatient = e.kind.inpatient();
        envelope(g, inpatient ? "2304" : "2207", e, t);
        Settlement s = Settlement.of(e);
        Person p = e.person;
        g.field(N_INPUT);
        g.startObject();
        g.field(N_DATA);
        g.startObject();
        g.field(N_PSN_NO);
        g.string(p.psnNo);
        g.members(MDTRT_CERT_TYPE_02);
        g.field(N_MDTRT_CERT_NO);
        g.string(p.certno);
        if (!inpatient) {
            g.field(N_MED_TYPE);
            g.string(e.kind.medType());
        }
        g.field(N_MEDFEE_SUMAMT);
        g.money(s.totalFen());
        g.members(PSN_SETLWAY_01);
        g.field(N_MDTRT_ID);
        g.string(e.id);
        if (!inpatient) {
            g.field(N_CHRG_BCHNO);
            g.startString();
            g.rawAscii("CB");
            g.rawPadded(e.number, 1);
            g.endString();
        }
        g.field(N_INSUTYPE);
        g.string(p.insuranceType);
        g.field(N_ACCT_USED_FLAG);
        g.string(s.accountFen() > 0 ? "1" : "0");
        g.members(INVONO_EMPTY);
        if (inpatient) {
            g.members(MID_SETL_FLAG_0);
        }
        g.members(SELF_PAY_ZEROS);
        g.field(N_INSCP_SCP_AMT);
        g.money(s.totalFen());
        g.field(N_EXP_CONTENT);
        g.string(e.kind == EncounterKind.INTERNET ? INTERNET_EXP : "");
        g.endObject();
        g.endObject();
        g.field(N_OUTPUT);
        g.startObject();
        g.field(N_SETLINFO);
        g.startObject();
        g.field(N_MDTRT_ID);
        g.string(e.id);
        g.field(N_SETL_ID);
        g.string(e.settlementId);
        g.field(N_PSN_NO);
        g.string(p.psnNo);
        g.field(N_PSN_NAME);
        g.string(p.name);
        g.members(PSN_CERT_TYPE_01);
        g.field(N_CERTNO);
        g.string(p.certno);
        g.field(N_GEND);
        g.string(p.gender);
        g.members(NATY_01);
        g.field(N_BRDY);
        g.string(p.birthText);
        g.field(N_AGE);
        g.decimal(p.ageYears(dateOf(e)), 0, 1);
        g.field(N_INSUTYPE);
        g.string(p.insuranceType);
        g.field(N_PSN_TYPE);
        g.string(p.personType);
        g.members(CVLSERV_FLAG_0);
        g.field(N_SETL_TIME);
        time(g, t);
        g.members(MDTRT_CERT_TYPE_02);
        g.field(N_MED_TYPE);
        g.string(e.kind.medType());
        g.field(N_MEDFEE_SUMAMT);
        g.money(s.totalFen());
        g.members(SELF_PAY_ZEROS);
        g.field(N_INSCP_SCP_AMT);
        g.money(s.totalFen());
        g.members(ACT_PAY_DEDC_0);
        g.field(N_HIFP_PAY);
        g.money(s.poolFen());
        g.field(N_POOL_PROP_SELFPAY);
        g.decimal(s.poolBasisPoints() / 10_000, s.poolBasisPoints() % 10_000, 4);
        g.members(OTHER_FUNDS_ZEROS);
        g.field(N_FUND_PAY_SUMAMT);
        g.money(s.poolFen());
        g.field(N_PSN_PART_AMT);
        g.money(s.personalFen());
        g.field(N_ACCT_PAY);
        g.money(s.accountFen());
        g.field(N_PSN_CASH_PAY);
        g.money(s.cashFen());
        g.field(N_BALC);
        g.money(s.balanceFen());
        g.members(ACCT_MULAID_PAY_0);
        g.field(N_MEDINS_SETL_ID);
        g.asciiString(msgid, 0, msgidLength);
        g.field(N_CLR_OPTINS);
        g.string(p.insuredAdmdvs);
        g.members(CLR_WAY_01);
        g.field(N_CLR_TYPE);
        g.string(e.kind.clearingType());
        g.endObject();
        g.field(N_SETLDETAIL);
        g.startArray();
        boolean employee = "310".equals(p.insuranceType);
        if (s.poolFen() > 0) {
            fund(g, employee ? "310100" : "390100", employee ? "职工基本医疗保险统筹基金" : "城乡居民基本医疗保险基金",
                    s.totalFen(), s.poolFen());
        }
        if (s.accountFen() > 0) {
            fund(g, "310200", "职工基本医疗保险个人账户基金", s.totalFen(), s.accountFen());
        }
        g.endArray();
        g.endObject();
        g.endObject();
    }

    private java.time.LocalDate dateOf(Encounter e) {
        return start.plusDays(e.start / World.DAY);
    }

    private void fund(JsonBytes g, String type, String name, long scope, long paid) {
        g.startObject();
        g.field(N_FUND_PAY_TYPE);
        g.string(type);
        g.field(N_INSCP_SCP_AMT);
        g.money(scope);
        g.field(N_CRT_PAYB_LMT_AMT);
        g.money(paid);
        g.field(N_FUND_PAYAMT);
        g.money(paid);
        g.field(N_FUND_PAY_TYPE_NAME);
        g.string(name);
        g.members(SETL_PROC_INFO_EMPTY);
        g.endObject();
    }

    /** 2401 入院办理 with the platform's answer (mdtrt_id) in output.result. */
    void write2401(JsonBytes g, Encounter e, long t) {
        envelope(g, "2401", e, t);
        Person p = e.person;
        g.field(name("input"));
        g.startObject();
        g.field(name("mdtrtinfo"));
        g.startObject();
        field(g, "psn_no", p.psnNo);
        field(g, "insutype", p.insuranceType);
        field(g, "coner_name", "");
        field(g, "tel", "");
        timeField(g, "begntime", e.start);
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
        g.endObject();
        diseinfo(g, e, false, e.start);
        g.endObject();
        g.field(name("output"));
        g.startObject();
        g.field(name("result"));
        g.startObject();
        field(g, "mdtrt_id", e.id);
        field(g, "psn_no", p.psnNo);
        field(g, "ipt_otp_no", "ZY" + e.number);
        g.endObject();
        g.endObject();
        g.endObject();
    }

    /** 2402 出院办理 with all discharge diagnoses. */
    void write2402(JsonBytes g, Encounter e, long t) {
        envelope(g, "2402", e, t);
        Person p = e.person;
        g.field(name("input"));
        g.startObject();
        g.field(name("dscginfo"));
        g.startObject();
        field(g, "mdtrt_id", e.id);
        field(g, "psn_no", p.psnNo);
        field(g, "insutype", p.insuranceType);
        timeField(g, "endtime", e.end);
        field(g, "dise_codg", "");
        field(g, "dise_name", "");
        field(g, "oprn_oprt_code", "");
        field(g, "oprn_oprt_name", "");
        field(g, "cop_flag", e.secondaryDiagnoses.isEmpty() ? "0" : "1");
        field(g, "dscg_dept_codg", deptCode(e));
        field(g, "dscg_dept_name", deptName(e));
        field(g, "dscg_bed", (e.number % 40 + 1) + "床");
        field(g, "dscg_way", "1");
        g.field(name("die_date"));
        g.nullValue();
        g.endObject();
        diseinfo(g, e, true, e.end);
        g.endObject();
        g.endObject();
    }

    /** 3101 明细审核事前事中分析: the encounter's orders up to {@code t} as a pre-event request. */
    void write3101(JsonBytes g, Encounter e, long t) {
        envelope(g, "3101", e, t);
        Person p = e.person;
        g.field(name("input"));
        g.startObject();
        g.field(name("data"));
        g.startObject();
        g.field(name("rule_ids"));
        g.startArray();
        g.endArray();
        field(g, "trig_scen", e.kind.inpatient() ? "4" : "2");
        g.field(name("patient_dtos"));
        g.startArray();
        g.startObject();
        field(g, "patn_id", p.psnNo);
        field(g, "patn_name", p.name);
        field(g, "gend", p.gender);
        field(g, "brdy", p.birthText);
        field(g, "poolarea", p.insuredAdmdvs);
        field(g, "curr_mdtrt_id", e.id);
        g.field(name("fsi_encounter_dtos"));
        g.startArray();
        g.startObject();
        field(g, "mdtrt_id", e.id);
        field(g, "medins_id", e.institution.code());
        field(g, "medins_name", e.institution.name());
        field(g, "medins_admdvs", e.institution.admdvs());
        field(g, "medins_type", "1");
        field(g, "medins_lv", medinsLevel(e.institution.level()));
        field(g, "wardarea_codg", "");
        field(g, "wardno", "");
        field(g, "bedno", "");
        timeField(g, "adm_date", e.start);
        g.field(name("dscg_date"));
        g.nullValue();
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
        g.field(name("setl_totlnum"));
        g.number(0);
        field(g, "insutype", p.insuranceType);
        field(g, "reim_flag", "0");
        field(g, "out_setl_flag", e.offsite() ? "1" : "0");
        g.field(name("fsi_diagnose_dtos"));
        g.startArray();
        dto3101Diagnosis(g, e.mainDiagnosis, 1, e.start);
        g.endArray();
        g.field(name("fsi_operation_dtos"));
        g.startArray();
        g.endArray();
        g.field(name("fsi_order_dtos"));
        g.startArray();
        for (FeeLine l : e.lines) {
            if (l.time > t) {
                continue;
            }
            g.startObject();
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
            g.field(name("cnt"));
        g.number(l.count);
            money(g, "pric", l.priceFen);
            money(g, "sumamt", l.totalFen);
            money(g, "ownpay_amt", 0);
            money(g, "selfpay_amt", 0);
            field(g, "spec", "");
            field(g, "spec_unt", str(l.unit));
            timeField(g, "drord_begn_date", l.time);
            g.field(name("drord_stop_date"));
        g.nullValue();
            Doctor d = l.doctor != null ? l.doctor : e.doctor;
            field(g, "drord_dept_codg", str(d.deptCode()));
            field(g, "drord_dept_name", str(d.deptName()));
            field(g, "drord_dr_codg", d.code());
            field(g, "drord_dr_name", d.name());
            field(g, "drord_dr_profttl", str(d.titleCode()));
            field(g, "curr_drord_flag", "1");
            g.endObject();
        }
        g.endArray();   // fsi_order_dtos
        g.endObject();  // encounter
        g.endArray();   // fsi_encounter_dtos
        g.endObject();  // patient
        g.endArray();   // patient_dtos
        g.endObject();  // data
        g.endObject();  // input
        g.endObject();  // envelope
    }

    private void dto3101Diagnosis(JsonBytes g, CodeName dx, int order, long t) {
        g.startObject();
        field(g, "dise_id", Integer.toString(order));
        field(g, "inout_dise_type", "1");
        field(g, "maindise_flag", order == 1 ? "1" : "0");
        g.field(name("dias_srt_no"));
        g.number(order);
        field(g, "dise_codg", dx.code());
        field(g, "dise_name", dx.name());
        timeField(g, "dise_date", t);
        g.endObject();
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
