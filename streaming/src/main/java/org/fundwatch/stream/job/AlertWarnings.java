package org.fundwatch.stream.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.AlertLine;
import org.fundwatch.stream.sink.webhook.WarningPayload;

/** An alert as the warning its hospital receives by webhook ({@link WarningPayload}). */
final class AlertWarnings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertWarnings() {
    }

    static WarningPayload of(Alert a) {
        List<String> lineIds = a.lines.stream().map((AlertLine l) -> l.lineId).toList();
        return new WarningPayload(a.id, a.institutionCode, a.ruleId, a.ruleName, a.officialCode, a.severity, a.phase,
                a.personNo, a.encounterId, lineIds, a.doctorCode, BigDecimal.valueOf(a.amountAtRiskFen, 2), a.basis,
                evidence(a.evidenceJson), a.packName, a.packVersion, a.kbVersion);
    }

    private static Map<String, String> evidence(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            return Map.of("evidence", json);
        }
    }
}
