package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fundwatch.model.Money;
import org.fundwatch.rules.engine.Finding;

/**
 * A finding as a hospital receives it by webhook: the JSON body of one POST. Field names follow the national
 * interface where it has one ({@code psn_no}, {@code mdtrt_id}, {@code fixmedins_code}, {@code vola_amt},
 * {@code sev_deg}); the amount at risk is in yuan with two decimals.
 *
 * @param alertId        the deterministic alert id ({@link Finding#id()}): the same for every retry and replay
 * @param ruleId         the rule id in the pack
 * @param officialCode   the national rule code (GZ…/ZB…), null when the rule class has none
 * @param severity       明确违规 / 高度可疑 / 可疑 …
 * @param phase          PRE, MID or POST
 * @param patientId      psn_no
 * @param encounterId    mdtrt_id
 * @param lineIds        the order / fee-line ids concerned (empty for encounter-level findings)
 * @param amountAtRisk   违规金额 in yuan
 * @param basis          the national basis text
 * @param evidence       the facts that fired the rule, in the rule's order
 * @param institutionCode fixmedins_code: the only institution this payload is ever sent to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"alert_id", "fixmedins_code", "rule_id", "rule_name", "official_code", "sev_deg", "phase",
        "psn_no", "mdtrt_id", "line_ids", "dr_codg", "vola_amt", "basis", "evidence", "pack_name", "pack_version",
        "kb_version"})
public record WarningPayload(
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("fixmedins_code") String institutionCode,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("rule_name") String ruleName,
        @JsonProperty("official_code") String officialCode,
        @JsonProperty("sev_deg") String severity,
        @JsonProperty("phase") String phase,
        @JsonProperty("psn_no") String patientId,
        @JsonProperty("mdtrt_id") String encounterId,
        @JsonProperty("line_ids") List<String> lineIds,
        @JsonProperty("dr_codg") String doctorCode,
        @JsonProperty("vola_amt") BigDecimal amountAtRisk,
        @JsonProperty("basis") String basis,
        @JsonProperty("evidence") Map<String, String> evidence,
        @JsonProperty("pack_name") String packName,
        @JsonProperty("pack_version") String packVersion,
        @JsonProperty("kb_version") String kbVersion) {

    public WarningPayload {
        Objects.requireNonNull(alertId, "alertId");
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The payload of {@code finding}, for the institution named in its subject. */
    public static WarningPayload of(Finding finding) {
        var subject = finding.subject();
        return new WarningPayload(finding.id(), subject.institutionCode(), finding.ruleId(), finding.ruleName(),
                finding.officialCode(), finding.severity(), finding.phase() == null ? null : finding.phase().name(),
                subject.patientId(), subject.encounterId(), subject.lineIds(), subject.doctorCode(),
                Money.toYuan(finding.amountAtRisk()), finding.basis(), finding.evidence(), finding.packName(),
                finding.packVersion(), finding.kbVersion());
    }
}
