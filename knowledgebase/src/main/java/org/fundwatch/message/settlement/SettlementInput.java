package org.fundwatch.message.settlement;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.fundwatch.message.Required;

/**
 * The {@code input} node of 【2207】门诊结算 / 【2304】住院结算 (§4.1, §4.4): {@code {"data": …}}.
 * 2207 carries {@code chrg_bchno}; 2304 carries {@code mid_setl_flag} instead.
 */
public record SettlementInput(@JsonProperty("data") @Required Data data) {

    /** {@code input.data}. */
    public record Data(
            @JsonProperty("psn_no") @Required String personNo,
            @JsonProperty("mdtrt_cert_type") String credentialType,
            @JsonProperty("mdtrt_cert_no") String credentialNo,
            @JsonProperty("med_type") String medType,
            @JsonProperty("medfee_sumamt") @Required BigDecimal totalAmount,
            @JsonProperty("psn_setlway") String settlementMethod,
            @JsonProperty("mdtrt_id") @Required String encounterId,
            @JsonProperty("chrg_bchno") String chargeBatchNo,
            @JsonProperty("insutype") String insuranceType,
            @JsonProperty("acct_used_flag") Boolean accountUsed,
            @JsonProperty("invono") String invoiceNo,
            @JsonProperty("mid_setl_flag") Boolean midStaySettlement,
            @JsonProperty("fulamt_ownpay_amt") BigDecimal fullyOwnPayAmount,
            @JsonProperty("overlmt_selfpay") BigDecimal overCapAmount,
            @JsonProperty("preselfpay_amt") BigDecimal advanceSelfPayAmount,
            @JsonProperty("inscp_scp_amt") BigDecimal inScopeAmount,
            @JsonProperty("exp_content") @JsonAlias("expContent") JsonNode extension) {
    }
}
