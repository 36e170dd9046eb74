package org.fundwatch.message.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link ViolationResult}. Required: result id, rule id, rule name, content, patient id;
 * the amount defaults to the sum of the offending details' amounts. Amounts are scaled to 2
 * decimals (N(16,2)).
 */
public final class ViolationResultBuilder {
    private String resultId;
    private String ruleId;
    private String ruleName;
    private String content;
    private String patientId;
    private String encounterId;
    private BigDecimal amount;
    private String amountStatus = "1";
    private String severity;
    private String basis;
    private String behaviourType;
    private String taskId;
    private final List<ViolationDetail> details = new ArrayList<>();

    ViolationResultBuilder() {
    }

    public ViolationResultBuilder resultId(String v) { resultId = v; return this; }
    public ViolationResultBuilder ruleId(String v) { ruleId = v; return this; }
    public ViolationResultBuilder ruleName(String v) { ruleName = v; return this; }
    public ViolationResultBuilder content(String v) { content = v; return this; }
    public ViolationResultBuilder patientId(String v) { patientId = v; return this; }
    public ViolationResultBuilder encounterId(String v) { encounterId = v; return this; }
    public ViolationResultBuilder amount(BigDecimal v) { amount = v; return this; }
    /** {@code vola_amt_stas}; defaults to {@code 1} (normal), the only published value besides 0. */
    public ViolationResultBuilder amountStatus(String v) { amountStatus = v; return this; }
    public ViolationResultBuilder severity(String v) { severity = v; return this; }
    public ViolationResultBuilder basis(String v) { basis = v; return this; }
    public ViolationResultBuilder behaviourType(String v) { behaviourType = v; return this; }
    public ViolationResultBuilder taskId(String v) { taskId = v; return this; }

    /** Adds a detail for order {@code orderId}; the detail id is {@code <resultId>-<n>}. */
    public ViolationResultBuilder detail(String orderId, String itemType, BigDecimal detailAmount) {
        Objects.requireNonNull(resultId, "set resultId before adding details");
        details.add(new ViolationDetail(resultId + "-" + (details.size() + 1), patientId, encounterId, orderId, itemType,
                money(detailAmount), null));
        return this;
    }

    /** Adds a prepared detail. */
    public ViolationResultBuilder detail(ViolationDetail detail) {
        details.add(detail);
        return this;
    }

    /** The result; throws {@link IllegalStateException} naming the first missing required value. */
    public ViolationResult build() {
        require(resultId, "resultId (jr_id)");
        require(ruleId, "ruleId (rule_id)");
        require(ruleName, "ruleName (rule_name)");
        require(content, "content (vola_cont)");
        require(patientId, "patientId (patn_id)");
        BigDecimal total = amount != null ? amount : details.stream()
                .filter(d -> ViolationDetail.OFFENDING.equals(d.itemType()))
                .map(ViolationDetail::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ViolationResult(resultId, ruleId, ruleName, content, patientId, encounterId, details, money(total),
                amountStatus, severity, basis, behaviourType, taskId);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing " + name);
        }
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }
}
