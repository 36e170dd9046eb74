package org.fundwatch.gateway;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.history.MonotonicMicros;

/**
 * Stores 3103 decisions: one {@code feedback} row per handled warning (read per rule through the view
 * {@code feedback_rule_stats}) and one {@code triage} row (step {@value #TRIAGE_STEP}) so the doctor's decision and
 * reason are the first entry of the warning's triage trail, before 初审. Written synchronously: the HIS is told the
 * decision is stored only when it is.
 */
public final class FeedbackStore {
    /** The triage step recorded for a doctor's 3103 answer. */
    public static final String TRIAGE_STEP = "医生反馈";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ClickHouseStore store;
    /** answer_seq: orders answers given within the same second ({@code received_at} has second resolution). */
    private final MonotonicMicros answerSequence = new MonotonicMicros();

    /** One decision on one warning. {@code continued}: the doctor kept the order (dspo_way 1). */
    public record Decision(IssuedWarning warning, String feedbackType, boolean continued, String reason, String doctor,
                           String messageId, LocalDateTime receivedAt) {
    }

    public FeedbackStore(ClickHouseStore store) {
        this.store = store;
    }

    /** Stores {@code decisions}; throws when ClickHouse refuses them. */
    public void save(List<Decision> decisions) {
        List<Map<String, Object>> feedback = new ArrayList<>(decisions.size());
        List<Map<String, Object>> triage = new ArrayList<>(decisions.size());
        for (Decision d : decisions) {
            IssuedWarning w = d.warning();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("jr_id", w.resultId());
            f.put("warn_type", WarningLog.nz(d.feedbackType()));
            f.put("decision", d.continued() ? "continue" : "modify");
            f.put("reason", WarningLog.nz(d.reason()));
            f.put("fixmedins_code", w.institutionCode());
            f.put("rule_id", w.ruleId());
            f.put("rule_code", WarningLog.nz(w.ruleCode()));
            f.put("psn_no", w.patientId());
            f.put("mdtrt_id", WarningLog.nz(w.encounterId()));
            f.put("doctor", WarningLog.nz(d.doctor()));
            f.put("msgid", WarningLog.nz(d.messageId()));
            f.put("received_at", SQL_TIME.format(d.receivedAt()));
            f.put("answer_seq", answerSequence.next());
            feedback.add(f);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("alert_id", w.resultId());
            t.put("step", TRIAGE_STEP);
            t.put("actor", WarningLog.nz(d.doctor()));
            t.put("decision", d.continued() ? "继续执行" : "返回修改");
            t.put("note", WarningLog.nz(d.reason()));
            t.put("recovered_amount", BigDecimal.ZERO.setScale(2));
            t.put("at", SQL_TIME.format(d.receivedAt()));
            triage.add(t);
        }
        store.insertJsonEachRow("feedback", feedback);
        store.insertJsonEachRow("triage", triage);
    }
}
