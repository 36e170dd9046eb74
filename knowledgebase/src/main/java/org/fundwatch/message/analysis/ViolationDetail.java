package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.fundwatch.message.OneOf;
import org.fundwatch.message.Required;

/**
 * {@code judge_result_detail_dtos[]} (§1.8): one order line involved in a violation.
 * {@code vola_item_type} 1 = the offending item (违规项), 2 = an involved item (涉及项).
 */
public record ViolationDetail(
        @JsonProperty("jrd_id") @Required String detailId,
        @JsonProperty("patn_id") @Required String patientId,
        @JsonProperty("mdtrt_id") String encounterId,
        @JsonProperty("rx_id") String orderId,
        @JsonProperty("vola_item_type") @Required @OneOf({"1", "2"}) String itemType,
        @JsonProperty("vola_amt") @Required BigDecimal amount,
        @JsonProperty("feedetl_sn") String feeLineId) {

    /** {@code vola_item_type} of the offending item. */
    public static final String OFFENDING = "1";
    /** {@code vola_item_type} of an involved item. */
    public static final String INVOLVED = "2";
}
