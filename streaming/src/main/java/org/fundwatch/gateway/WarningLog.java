package org.fundwatch.gateway;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.util.RawValue;
import org.fundwatch.clickhouse.ClickHouseJson;
import org.fundwatch.clickhouse.ClickHouseStore;

/**
 * The record of warnings issued to institutions (ClickHouse {@code gateway_warnings}), written behind the response by a
 * {@link BackgroundBatcher} and kept in memory for the most recent {@code memory} warnings, so a 3103 that follows its
 * 3101 within the flush interval still finds its {@code jr_id}. A lookup is always scoped to the asking institution:
 * another institution's {@code jr_id} is "unknown", never "forbidden", so ids cannot be probed.
 */
public final class WarningLog implements AutoCloseable {
    /** The table. */
    public static final String TABLE = "gateway_warnings";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ClickHouseStore store;
    private final BackgroundBatcher<IssuedWarning, RawValue> batcher;
    private final Map<String, IssuedWarning> recent;

    public WarningLog(ClickHouseStore store, int memory, long flushMillis) {
        this.store = store;
        this.batcher = new BackgroundBatcher<>("gateway-warnings", 100_000, 2000, flushMillis, WarningLog::row,
                rows -> store.insertJsonEachRow(TABLE, rows));
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IssuedWarning> eldest) {
                return size() > memory;
            }
        };
    }

    /** Records warnings just returned. */
    public void issued(List<IssuedWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        synchronized (recent) {
            for (IssuedWarning w : warnings) {
                recent.put(key(w.resultId(), w.institutionCode()), w);
            }
        }
        batcher.add(warnings);
    }

    /** The warning {@code resultId} issued to {@code institutionCode}, if any. */
    public Optional<IssuedWarning> find(String resultId, String institutionCode) {
        synchronized (recent) {
            IssuedWarning w = recent.get(key(resultId, institutionCode));
            if (w != null) {
                return Optional.of(w);
            }
        }
        String sql = "SELECT jr_id, fixmedins_code, infno, msgid, task_id, rule_id, rule_code, rule_name, severity, psn_no, "
                + "mdtrt_id, rx_ids, vola_amt, rules_version, kb_version, toString(issued_at) AS issued FROM "
                + store.table(TABLE) + " WHERE jr_id = " + quote(resultId) + " AND fixmedins_code = " + quote(institutionCode)
                + " ORDER BY issued_at DESC LIMIT 1";
        List<Map<String, Object>> rows = store.queryJsonEachRow(sql);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<String> rx = (List<String>) r.get("rx_ids");
        return Optional.of(new IssuedWarning(text(r, "jr_id"), text(r, "fixmedins_code"), text(r, "infno"), text(r, "msgid"),
                text(r, "task_id"), text(r, "rule_id"), emptyToNull(text(r, "rule_code")), text(r, "rule_name"),
                text(r, "severity"), text(r, "psn_no"), text(r, "mdtrt_id"), rx, new BigDecimal(String.valueOf(r.get("vola_amt"))),
                text(r, "rules_version"), text(r, "kb_version"), LocalDateTime.parse(text(r, "issued"), SQL_TIME)));
    }

    /** Waits until queued warnings are written. */
    public void flush() {
        batcher.flush();
    }

    /** The JSONEachRow line of {@code w}, made as the batcher takes it from the queue. */
    private static RawValue row(IssuedWarning w) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("jr_id", w.resultId());
        row.put("fixmedins_code", w.institutionCode());
        row.put("infno", w.transactionCode());
        row.put("msgid", nz(w.messageId()));
        row.put("task_id", nz(w.taskId()));
        row.put("rule_id", w.ruleId());
        row.put("rule_code", nz(w.ruleCode()));
        row.put("rule_name", w.ruleName());
        row.put("severity", nz(w.severity()));
        row.put("psn_no", w.patientId());
        row.put("mdtrt_id", nz(w.encounterId()));
        row.put("rx_ids", w.orderIds());
        row.put("vola_amt", w.amount());
        row.put("rules_version", w.rulesVersion());
        row.put("kb_version", w.kbVersion());
        row.put("issued_at", SQL_TIME.format(w.issuedAt()));
        return ClickHouseJson.row(row);
    }

    private static String key(String resultId, String institution) {
        return resultId + "|" + institution;
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? "" : String.valueOf(v);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public void close() {
        batcher.close();
    }
}
