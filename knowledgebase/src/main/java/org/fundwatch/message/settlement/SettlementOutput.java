package org.fundwatch.message.settlement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.fundwatch.message.Required;

/** The {@code output} of 【2207】/【2304】: the settlement and its per-fund split. */
public record SettlementOutput(
        @JsonProperty("setlinfo") @Required SettlementInfo settlement,
        @JsonProperty("setldetail") List<FundPayment> fundPayments) {

    public SettlementOutput {
        fundPayments = fundPayments == null ? List.of() : List.copyOf(fundPayments);
    }
}
