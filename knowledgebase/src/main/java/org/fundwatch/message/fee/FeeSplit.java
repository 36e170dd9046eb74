package org.fundwatch.message.fee;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.fundwatch.message.Required;

/** {@code output.result[]} of 【2204】/【2301】 (§4.6): one fee line as split by the platform. */
public record FeeSplit(
        @JsonProperty("feedetl_sn") @Required String lineId,
        @JsonProperty("det_item_fee_sumamt") @Required BigDecimal amount,
        @JsonProperty("cnt") BigDecimal quantity,
        @JsonProperty("pric") BigDecimal unitPrice,
        @JsonProperty("pric_uplmt_amt") BigDecimal priceCap,
        @JsonProperty("selfpay_prop") BigDecimal selfPayRatio,
        @JsonProperty("fulamt_ownpay_amt") BigDecimal fullyOwnPayAmount,
        @JsonProperty("overlmt_amt") BigDecimal overCapAmount,
        @JsonProperty("preselfpay_amt") BigDecimal advanceSelfPayAmount,
        @JsonProperty("inscp_scp_amt") BigDecimal inScopeAmount,
        @JsonProperty("chrgitm_lv") String chargeGrade,
        @JsonProperty("med_chrgitm_type") String chargeCategory,
        @JsonProperty("bas_medn_flag") Boolean essentialDrug,
        @JsonProperty("hi_nego_drug_flag") Boolean negotiatedDrug,
        @JsonProperty("chld_medc_flag") Boolean paediatricDrug,
        @JsonProperty("list_sp_item_flag") Boolean specialItem,
        @JsonProperty("lmt_used_flag") Boolean restrictedUse,
        @JsonProperty("drt_reim_flag") Boolean directReimbursement,
        @JsonProperty("memo") String remark) {
}
