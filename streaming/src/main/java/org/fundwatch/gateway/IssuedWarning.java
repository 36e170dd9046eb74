package org.fundwatch.gateway;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A warning the gateway returned to an institution in a 3101/3102 response (one {@code output.result[]} entry):
 * what 3103 feedback refers to by {@code jr_id}.
 *
 * @param ruleId   the pack's rule id (e.g. {@code drug-gender})
 * @param ruleCode the official code (GZ…/ZB…), or null
 */
public record IssuedWarning(String resultId, String institutionCode, String transactionCode, String messageId,
                            String taskId, String ruleId, String ruleCode, String ruleName, String severity,
                            String patientId, String encounterId, List<String> orderIds, BigDecimal amount,
                            String rulesVersion, String kbVersion, LocalDateTime issuedAt) {
    public IssuedWarning {
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
    }
}
