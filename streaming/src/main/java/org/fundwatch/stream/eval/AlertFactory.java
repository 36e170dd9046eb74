package org.fundwatch.stream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.AlertLine;

/** Turns an engine {@link Finding} into an {@link Alert} (same deterministic id, pack versions, subject, lines). */
public final class AlertFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertFactory() {
    }

    /**
     * @param encounters  where the finding's lines are looked up (the current encounter first)
     * @param settlementId the settlement id of the encounter, or null
     */
    public static Alert of(Finding f, RuleEngine engine, List<Encounter> encounters, String settlementId,
                           long eventTime, long ingestedAt) {
        Alert a = new Alert();
        a.id = f.id();
        a.ruleId = f.ruleId();
        a.ruleName = f.ruleName();
        a.officialCode = f.officialCode();
        RuleMetadata meta = engine.pack().rules().stream().filter(r -> r.id().equals(f.ruleId())).findFirst()
                .orElse(null);
        a.ruleClass = meta == null ? "" : meta.tier2();
        a.packName = f.packName();
        a.packVersion = f.packVersion();
        a.kbVersion = f.kbVersion();
        a.phase = f.phase().name().toLowerCase(java.util.Locale.ROOT);
        a.severity = f.severity();
        a.personNo = f.subject().patientId();
        a.encounterId = f.subject().encounterId();
        a.settlementId = settlementId;
        a.institutionCode = f.subject().institutionCode();
        a.doctorCode = f.subject().doctorCode();
        a.amountAtRiskFen = f.amountAtRisk() == null ? 0 : f.amountAtRisk().fen();
        a.basis = f.basis();
        try {
            a.evidenceJson = JSON.writeValueAsString(f.evidence());
        } catch (JsonProcessingException e) {
            a.evidenceJson = String.valueOf(f.evidence());
        }
        for (Encounter e : encounters) {
            if (e.id().equals(a.encounterId) && e.institution() != null) {
                a.admdvs = e.institution().admdvs();
            }
        }
        for (String lineId : f.subject().lineIds()) {
            FeeLine line = find(encounters, a.encounterId, lineId);
            AlertLine l = new AlertLine();
            l.lineId = lineId;
            if (line != null) {
                l.prescriptionNo = line.prescriptionNo();
                l.itemCode = line.itemCode();
                l.name = line.name();
                l.quantity = line.quantity() == null ? null : line.quantity().toPlainString();
                l.unitPrice = line.unitPrice() == null ? null : line.unitPrice().toPlainString();
                l.amountFen = line.amount() == null ? 0 : line.amount().fen();
            }
            a.lines.add(l);
        }
        a.eventTime = eventTime;
        a.detectedAt = System.currentTimeMillis();
        a.ingestedAt = ingestedAt;
        return a;
    }

    private static FeeLine find(List<Encounter> encounters, String encounterId, String lineId) {
        FeeLine any = null;
        for (Encounter e : encounters) {
            for (FeeLine l : e.feeLines()) {
                if (l.lineId().equals(lineId)) {
                    if (e.id().equals(encounterId)) {
                        return l;
                    }
                    any = any == null ? l : any;
                }
            }
        }
        return any;
    }
}
