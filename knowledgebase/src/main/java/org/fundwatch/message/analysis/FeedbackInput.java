package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.fundwatch.message.OneOf;
import org.fundwatch.message.Required;

/**
 * The {@code input} node of 【3103】 feedback (§2): {@code {"data": {"warn_type", "warns": [...]}}}.
 */
public record FeedbackInput(@JsonProperty("data") @Required Data data) {

    /** {@code input.data}: feedback type 1 = 事前 (answers 3101), 2 = 事中 (answers 3102). */
    public record Data(
            @JsonProperty("warn_type") @Required @OneOf({"1", "2"}) String feedbackType,
            @JsonProperty("warns") @Required List<Warning> warnings) {
    }

    /**
     * One handled warning: its {@code jr_id}, the disposition (1 = continue with the order,
     * 2 = go back and modify) and the reason (required when continuing).
     */
    public record Warning(
            @JsonProperty("warn_rslt_id") @Required String resultId,
            @JsonProperty("dspo_way") @Required @OneOf({"1", "2"}) String disposition,
            @JsonProperty("dspo_way_rea") String reason) {

        /** Disposition: the doctor continues with the order. */
        public static final String CONTINUE = "1";
        /** Disposition: the doctor goes back and modifies the order. */
        public static final String MODIFY = "2";
    }
}
