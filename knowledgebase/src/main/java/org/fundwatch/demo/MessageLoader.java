package org.fundwatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundwatch.cli.Progress;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgResult;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.Problem;
import org.fundwatch.message.admission.AdmissionInput;
import org.fundwatch.message.admission.DischargeInput;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.message.settlement.SettlementInfo;
import org.fundwatch.message.settlement.SettlementOutput;

/**
 * Loads national message files into ClickHouse: every line is parsed and validated; a bad line becomes a
 * dead letter (original payload, reason, {@code file:line}) and never stops the load; fee details become
 * {@code fee_lines}, settlements {@code settlements}, and every discharge is grouped with CHS-DRG 1.1 into
 * {@code drg_groups}. Single-threaded and streaming: memory holds only open admissions and row batches.
 */
final class MessageLoader {
    private static final int MAX_REASON = 2_000;

    private final MessageParser parser;
    private final DrgGrouper grouper;
    private final InpatientCases cases;
    private final RowSink sink;
    private final Writer deadLetterFile;
    private final String grouperVersion;
    private final String kbVersion;
    private final long version;
    private final ObjectMapper json = NationalJson.mapper();
    private final LoadCounts counts = new LoadCounts();

    MessageLoader(MessageParser parser, DrgGrouper grouper, InpatientCases cases, RowSink sink, Writer deadLetterFile,
                  String kbVersion, long version) {
        this.parser = parser;
        this.grouper = grouper;
        this.cases = cases;
        this.sink = sink;
        this.deadLetterFile = deadLetterFile;
        this.grouperVersion = "CHS-DRG 1.1";
        this.kbVersion = kbVersion;
        this.version = version;
    }

    LoadCounts load(List<Path> files, Progress progress) {
        MessageFiles.forEachLine(files, line -> {
            accept(line);
            progress.advance(1);
        });
        sink.flush();
        return counts;
    }

    void accept(MessageLine line) {
        ParseResult result = parser.parse(line.bytes());
        String infno = result.transaction().map(t -> t.code()).orElse(null);
        if (!result.isOk()) {
            deadLetter(line, infno, reason(result.errors()));
            return;
        }
        try {
            Optional<String> rejected = route(infno, result, line);
            if (rejected.isPresent()) {
                deadLetter(line, infno, rejected.get());
            } else {
                counts.processed(infno);
            }
        } catch (RuntimeException e) {
            // A record the typed model accepted but routing could not use: never lose it.
            deadLetter(line, infno, "cannot process: " + e.getMessage());
        }
    }

    private Optional<String> route(String infno, ParseResult result, MessageLine line) {
        NationalRequest<?> request = result.request(Object.class);
        switch (infno) {
            case "2204", "2301" -> {
                for (FeeDetail fee : result.input(FeeDetailInput.class).lines()) {
                    sink.add("fee_lines", feeRow(request, fee));
                }
            }
            case "2207", "2304" -> {
                Optional<SettlementOutput> output = settlementOutput(line);
                if (output.isEmpty()) {
                    return Optional.of("$.output.setlinfo: missing; a settlement record needs the platform's "
                            + "settlement result (setlinfo)");
                }
                sink.add("settlements", settlementRow(request, output.get().settlement()));
            }
            case "2401" -> cases.admitted(result.input(AdmissionInput.class));
            case "2402" -> {
                DischargeInput discharge = result.input(DischargeInput.class);
                Optional<DrgCase> drgCase = cases.discharged(discharge);
                if (drgCase.isEmpty()) {
                    return Optional.of("$.input.dscginfo.psn_no: person " + discharge.discharge().personNo()
                            + " is not in the person registry (1101); cannot group the case");
                }
                DrgResult group = grouper.group(drgCase.get());
                counts.grouped(group.mdc(), group.isGrouped());
                sink.add("drg_groups", drgRow(request, discharge.discharge(), group));
            }
            default -> {
                // 2203, 3101, 3102, 3103, 1101: validated; the rule engine consumes them in the stream job.
            }
        }
        return Optional.empty();
    }

    private Optional<SettlementOutput> settlementOutput(MessageLine line) {
        try {
            JsonNode output = json.readTree(line.bytes()).get("output");
            if (output == null || output.isNull() || output.get("setlinfo") == null) {
                return Optional.empty();
            }
            return Optional.of(json.treeToValue(output, SettlementOutput.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("$.output: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> feeRow(NationalRequest<?> request, FeeDetail fee) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("feedetl_sn", fee.lineId());
        row.put("psn_no", fee.personNo());
        row.put("mdtrt_id", fee.encounterId());
        row.put("setl_id", "");
        row.put("fixmedins_code", nz(request.institutionCode()));
        row.put("admdvs", nz(request.careAreaAdmdvs()));
        row.put("med_type", nz(fee.medType()));
        row.put("med_list_codg", fee.itemCode());
        row.put("medins_list_codg", nz(fee.hospitalItemCode()));
        row.put("hilist_name", "");
        row.put("list_type", listType(fee.itemCode()));
        row.put("med_chrgitm_type", "");
        row.put("chrgitm_lv", "");
        row.put("cnt", fee.quantity());
        row.put("pric", fee.unitPrice());
        row.put("det_item_fee_sumamt", fee.amount());
        row.put("bilg_dept_codg", nz(fee.deptCode()));
        row.put("bilg_dr_codg", nz(fee.doctorCode()));
        row.put("fee_ocur_time", fee.time());
        row.put("version", version);
        return row;
    }

    private static String listType(String code) {
        return org.fundwatch.model.ListType.ofItemCode(code).code();
    }

    private Map<String, Object> settlementRow(NationalRequest<?> request, SettlementInfo s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setl_id", s.settlementId());
        row.put("psn_no", s.personNo());
        row.put("mdtrt_id", s.encounterId());
        row.put("fixmedins_code", nz(request.institutionCode()));
        row.put("admdvs", nz(request.careAreaAdmdvs()));
        row.put("insuplc_admdvs", nz(request.insuredAreaAdmdvs()));
        row.put("insutype", nz(s.insuranceType()));
        row.put("psn_type", nz(s.personType()));
        row.put("med_type", nz(s.medType()));
        row.put("setl_time", s.settlementTime() != null ? s.settlementTime() : request.transactionTime());
        row.put("medfee_sumamt", s.totalAmount());
        row.put("fulamt_ownpay_amt", zero(s.fullyOwnPayAmount()));
        row.put("overlmt_selfpay", zero(s.overCapAmount()));
        row.put("preselfpay_amt", zero(s.advanceSelfPayAmount()));
        row.put("inscp_scp_amt", zero(s.inScopeAmount()));
        row.put("hifp_pay", zero(s.pooledFundPaid()));
        row.put("fund_pay_sumamt", s.fundPaidTotal());
        row.put("psn_part_amt", zero(s.personBorneTotal()));
        row.put("acct_pay", zero(s.accountPaid()));
        row.put("psn_cash_pay", zero(s.cashPaid()));
        row.put("dscg_main_dise_codg", "");
        row.put("drg_code", "");
        row.put("version", version);
        return row;
    }

    private Map<String, Object> drgRow(NationalRequest<?> request, DischargeInput.Info discharge, DrgResult group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mdtrt_id", discharge.encounterId());
        row.put("setl_id", "");
        row.put("psn_no", discharge.personNo());
        row.put("fixmedins_code", nz(request.institutionCode()));
        row.put("admdvs", nz(request.careAreaAdmdvs()));
        row.put("dscg_time", discharge.dischargeTime());
        row.put("mdc", nz(group.mdc()));
        row.put("adrg", nz(group.adrg()));
        row.put("drg", nz(group.drg()));
        row.put("reason", nz(group.reason()));
        row.put("grouper_version", grouperVersion);
        row.put("kb_version", kbVersion);
        row.put("grouped_at", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withNano(0));
        row.put("version", version);
        return row;
    }

    private void deadLetter(MessageLine line, String infno, String reason) {
        counts.deadLettered(infno);
        String payload = payloadText(line.bytes());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", line.source());
        row.put("position", line.position());
        row.put("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason);
        row.put("payload", payload);
        row.put("received_at", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withNano(0));
        sink.add("dead_letters", row);
        try {
            deadLetterFile.write(json.writeValueAsString(row));
            deadLetterFile.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file", e);
        }
    }

    /**
     * The payload as text for the dead-letter store. Bytes that are not UTF-8 (a GBK-configured HIS) are kept
     * exactly, as {@code base64:…}, because a lossy decode would destroy the evidence the sender must see.
     */
    static String payloadText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "base64:" + java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static String reason(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(p.path()).append(": ").append(p.reason());
        }
        return text.isEmpty() ? "rejected" : text.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static java.math.BigDecimal zero(java.math.BigDecimal v) {
        return v == null ? java.math.BigDecimal.ZERO : v;
    }
}
