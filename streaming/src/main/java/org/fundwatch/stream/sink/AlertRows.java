package org.fundwatch.stream.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.AlertLine;
import org.fundwatch.stream.model.DeadLetter;

/** Rows of the ClickHouse tables ({@code alerts}, {@code alert_details} of V001, {@code stream_dead_letters} of V002). */
public final class AlertRows {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AlertRows() {
    }

    static LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZONE).withNano(0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The {@code alerts} row; {@code version} is the detection time so the latest replay wins. */
    public static Map<String, Object> alert(Alert a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("alert_id", a.id);
        row.put("rule_id", a.ruleId);
        row.put("rule_name", nz(a.ruleName));
        row.put("rule_class", nz(a.ruleClass));
        row.put("rule_version", nz(a.packVersion));
        row.put("kb_version", nz(a.kbVersion));
        row.put("rules_version", a.packName + "-" + a.packVersion);
        row.put("phase", a.phase);
        row.put("severity", nz(a.severity));
        row.put("psn_no", nz(a.personNo));
        row.put("mdtrt_id", nz(a.encounterId));
        row.put("setl_id", nz(a.settlementId));
        row.put("fixmedins_code", nz(a.institutionCode));
        row.put("admdvs", nz(a.admdvs));
        row.put("doctor_code", nz(a.doctorCode));
        row.put("amount_at_risk", BigDecimal.valueOf(a.amountAtRiskFen, 2));
        row.put("basis", nz(a.basis));
        row.put("evidence", nz(a.evidenceJson));
        row.put("detected_at", local(a.detectedAt));
        row.put("event_time", local(a.eventTime));
        row.put("version", a.detectedAt);
        return row;
    }

    /** The {@code alert_details} rows (vola_item_type 1: the offending line). */
    public static List<Map<String, Object>> details(Alert a) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (AlertLine l : a.lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("alert_id", a.id);
            row.put("line_no", ++n);
            row.put("vola_item_type", "1");
            row.put("mdtrt_id", nz(a.encounterId));
            row.put("rx_id", nz(l.prescriptionNo));
            row.put("feedetl_sn", nz(l.lineId));
            row.put("med_list_codg", nz(l.itemCode));
            row.put("hilist_name", nz(l.name));
            row.put("cnt", l.quantity == null ? BigDecimal.ZERO : new BigDecimal(l.quantity));
            row.put("pric", l.unitPrice == null ? BigDecimal.ZERO : new BigDecimal(l.unitPrice));
            row.put("det_item_fee_sumamt", BigDecimal.valueOf(l.amountFen, 2));
            row.put("vola_amt", BigDecimal.valueOf(l.amountFen, 2));
            row.put("event_time", local(a.eventTime));
            row.put("version", a.detectedAt);
            rows.add(row);
        }
        return rows;
    }

    /** The {@code stream_dead_letters} row (keyed by source and position, so replays collapse). */
    public static Map<String, Object> deadLetter(DeadLetter d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", nz(d.source));
        row.put("position", d.position);
        row.put("reason", nz(d.reason));
        row.put("payload", nz(d.payload));
        row.put("received_at", local(d.receivedAt));
        row.put("version", d.receivedAt);
        return row;
    }

    /** The JSONL form of an alert: the alerts row with its lines. */
    public static Map<String, Object> alertJson(Alert a) {
        Map<String, Object> row = alert(a);
        row.put("rules_pack", a.packLabel());
        row.put("trigger", nz(a.trigger));
        row.put("lines", details(a));
        return row;
    }
}
