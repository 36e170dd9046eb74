package org.fundwatch.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A settlement (结算) with the split of the total between funds and the person. Null amounts were
 * not sent. National names in brackets.
 *
 * @param total                 医疗费总额 (medfee_sumamt)
 * @param fullyOwnPay           全自费 (fulamt_ownpay_amt): outside the catalogue
 * @param overCap               超限价 (overlmt_selfpay)
 * @param advanceSelfPay        先行自付 (preselfpay_amt): the co-pay share of class-B items
 * @param inScope               符合政策范围 (inscp_scp_amt)
 * @param deductible            实际支付起付线 (act_pay_dedc)
 * @param pooledFund            统筹基金 (hifp_pay)
 * @param pooledFundRatio       统筹基金支付比例 (pool_prop_selfpay)
 * @param civilServantSubsidy   公务员医疗补助 (cvlserv_pay)
 * @param enterpriseSupplementary 企业补充 (hifes_pay)
 * @param criticalIllness       居民大病保险 (hifmi_pay)
 * @param largeExpenseSubsidy   职工大额补助 (hifob_pay)
 * @param disabledPersonsFund   伤残人员医疗保障 (hifdm_pay)
 * @param medicalAid            医疗救助 (maf_pay)
 * @param hospitalBorne         医院负担 (hosp_part_amt)
 * @param otherFunds            其他支出 (oth_pay)
 * @param fundTotal             基金支付总额 (fund_pay_sumamt)
 * @param personTotal           个人负担总金额 (psn_part_amt)
 * @param accountPay            个人账户支出 (acct_pay)
 * @param cashPay               个人现金支出 (psn_cash_pay)
 * @param accountMutualAid      个人账户共济 (acct_mulaid_pay)
 * @param accountBalance        余额 (balc)
 */
public record Settlement(
        String id,
        String encounterId,
        String personId,
        LocalDateTime time,
        String medType,
        String insuranceType,
        String clearingCategory,
        Money total,
        Money fullyOwnPay,
        Money overCap,
        Money advanceSelfPay,
        Money inScope,
        Money deductible,
        Money pooledFund,
        BigDecimal pooledFundRatio,
        Money civilServantSubsidy,
        Money enterpriseSupplementary,
        Money criticalIllness,
        Money largeExpenseSubsidy,
        Money disabledPersonsFund,
        Money medicalAid,
        Money hospitalBorne,
        Money otherFunds,
        Money fundTotal,
        Money personTotal,
        Money accountPay,
        Money cashPay,
        Money accountMutualAid,
        Money accountBalance,
        List<FundShare> fundShares) {

    public Settlement {
        Objects.requireNonNull(id, "id");
        fundShares = fundShares == null ? List.of() : List.copyOf(fundShares);
    }

    /**
     * What one fund paid (setldetail).
     *
     * @param fundType national fund_pay_type, e.g. {@code 310100} 职工统筹基金
     */
    public record FundShare(String fundType, String fundTypeName, Money amount, Money inScope, Money payableLimit) {
    }
}
