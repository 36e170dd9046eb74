package org.fundwatch.message.settlement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.fundwatch.message.Required;

/** {@code setldetail[]} (结算基金分项, §4.3): what one fund paid, e.g. {@code 310100} 职工统筹基金. */
public record FundPayment(
        @JsonProperty("fund_pay_type") @Required String fundType,
        @JsonProperty("inscp_scp_amt") BigDecimal inScopeAmount,
        @JsonProperty("crt_payb_lmt_amt") BigDecimal payableLimit,
        @JsonProperty("fund_payamt") @Required BigDecimal amount,
        @JsonProperty("fund_pay_type_name") String fundTypeName,
        @JsonProperty("setl_proc_info") String processInfo) {
}
