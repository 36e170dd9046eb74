package org.fundwatch.gateway;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.analysis.FeedbackInput;

/**
 * 【3103】: the doctor's decision on each warning ({@code warn_rslt_id} = a {@code jr_id} this institution received).
 * All warnings of a message are checked before anything is stored: an unknown id (or one issued to another
 * institution — indistinguishable on purpose) or a continue without a reason rejects the whole message with
 * {@code infcode -1}, so a HIS retry never half-applies.
 */
final class FeedbackService {
    private final WarningLog warnings;
    private final FeedbackStore store;

    FeedbackService(WarningLog warnings, FeedbackStore store) {
        this.warnings = warnings;
        this.store = store;
    }

    /** Stores the decisions; returns how many. */
    int accept(NationalRequest<FeedbackInput> request, String institution, LocalDateTime now) {
        FeedbackInput.Data data = request.input().data();
        if (data.warnings() == null || data.warnings().isEmpty()) {
            throw new GatewayException("$.input.data.warns: no warnings to feed back");
        }
        List<FeedbackStore.Decision> decisions = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < data.warnings().size(); i++) {
            FeedbackInput.Warning w = data.warnings().get(i);
            boolean continued = FeedbackInput.Warning.CONTINUE.equals(w.disposition());
            if (continued && (w.reason() == null || w.reason().isBlank())) {
                throw new GatewayException("$.input.data.warns[" + i + "].dspo_way_rea: a reason is required when dspo_way = 1 "
                        + "(continue with the order)");
            }
            IssuedWarning issued = warnings.find(w.resultId(), institution).orElse(null);
            if (issued == null) {
                unknown.add(w.resultId());
                continue;
            }
            decisions.add(new FeedbackStore.Decision(issued, data.feedbackType(), continued, w.reason(), request.operatorId(),
                    request.messageId(), now));
        }
        if (!unknown.isEmpty()) {
            throw new GatewayException("unknown warn_rslt_id " + String.join(", ", unknown)
                    + ": not a jr_id returned to institution " + institution + " by 3101/3102");
        }
        store.save(decisions);
        return decisions.size();
    }
}
