package org.fundwatch.message.settlement;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.fundwatch.message.Required;

/**
 * {@code output.setlinfo} of 【2207】/【2304】 (§4.2; identical field sets). The large-expense subsidy
 * is {@code hifob_pay} (no source uses {@code hiwmi_pay}); {@code hifdm_pay} comes from later spec
 * versions.
 */
public record SettlementInfo(
        @JsonProperty("mdtrt_id") @Required String encounterId,
        @JsonProperty("setl_id") @Required String settlementId,
        @JsonProperty("psn_no") @Required String personNo,
        @JsonProperty("psn_name") String personName,
        @JsonProperty("psn_cert_type") String certificateType,
        @JsonProperty("certno") String certificateNo,
        @JsonProperty("gend") String gender,
        @JsonProperty("naty") String ethnicity,
        @JsonProperty("brdy") LocalDate birthDate,
        @JsonProperty("age") BigDecimal age,
        @JsonProperty("insutype") String insuranceType,
        @JsonProperty("psn_type") String personType,
        @JsonProperty("cvlserv_flag") Boolean civilServant,
        @JsonProperty("setl_time") LocalDateTime settlementTime,
        @JsonProperty("mdtrt_cert_type") String credentialType,
        @JsonProperty("med_type") String medType,
        @JsonProperty("medfee_sumamt") @Required BigDecimal totalAmount,
        @JsonProperty("fulamt_ownpay_amt") BigDecimal fullyOwnPayAmount,
        @JsonProperty("overlmt_selfpay") BigDecimal overCapAmount,
        @JsonProperty("preselfpay_amt") BigDecimal advanceSelfPayAmount,
        @JsonProperty("inscp_scp_amt") BigDecimal inScopeAmount,
        @JsonProperty("act_pay_dedc") BigDecimal deductibleApplied,
        @JsonProperty("hifp_pay") BigDecimal pooledFundPaid,
        @JsonProperty("pool_prop_selfpay") BigDecimal pooledFundRatio,
        @JsonProperty("cvlserv_pay") BigDecimal civilServantSubsidyPaid,
        @JsonProperty("hifes_pay") BigDecimal enterpriseSupplementaryPaid,
        @JsonProperty("hifmi_pay") BigDecimal criticalIllnessPaid,
        @JsonProperty("hifob_pay") BigDecimal largeExpenseSubsidyPaid,
        @JsonProperty("hifdm_pay") BigDecimal disabledPersonsFundPaid,
        @JsonProperty("maf_pay") BigDecimal medicalAidPaid,
        @JsonProperty("hosp_part_amt") BigDecimal hospitalBorneAmount,
        @JsonProperty("oth_pay") BigDecimal otherPaid,
        @JsonProperty("fund_pay_sumamt") @Required BigDecimal fundPaidTotal,
        @JsonProperty("psn_part_amt") BigDecimal personBorneTotal,
        @JsonProperty("acct_pay") BigDecimal accountPaid,
        @JsonProperty("psn_cash_pay") BigDecimal cashPaid,
        @JsonProperty("balc") BigDecimal accountBalance,
        @JsonProperty("acct_mulaid_pay") BigDecimal accountMutualAidPaid,
        @JsonProperty("medins_setl_id") String institutionSettlementId,
        @JsonProperty("clr_optins") String clearingAgency,
        @JsonProperty("clr_way") String clearingMethod,
        @JsonProperty("clr_type") String clearingCategory,
        @JsonProperty("exp_content") @JsonAlias("expContent") JsonNode extension) {
}
