package org.fundwatch.message.adapter;

import org.fundwatch.message.settlement.SettlementInfo;
import org.fundwatch.message.settlement.SettlementOutput;
import org.fundwatch.model.Money;
import org.fundwatch.model.Settlement;

/** 【2207】/【2304】 output ({@code setlinfo} + {@code setldetail}) → {@link Settlement}. */
public final class SettlementAdapter {
    private SettlementAdapter() {
    }

    /** The settlement of {@code output}. */
    public static Settlement toSettlement(SettlementOutput output) {
        SettlementInfo s = output.settlement();
        return new Settlement(s.settlementId(), s.encounterId(), s.personNo(), s.settlementTime(), s.medType(), s.insuranceType(),
                s.clearingCategory(), Money.ofYuan(s.totalAmount()), Money.ofYuan(s.fullyOwnPayAmount()),
                Money.ofYuan(s.overCapAmount()), Money.ofYuan(s.advanceSelfPayAmount()), Money.ofYuan(s.inScopeAmount()),
                Money.ofYuan(s.deductibleApplied()), Money.ofYuan(s.pooledFundPaid()), s.pooledFundRatio(),
                Money.ofYuan(s.civilServantSubsidyPaid()), Money.ofYuan(s.enterpriseSupplementaryPaid()),
                Money.ofYuan(s.criticalIllnessPaid()), Money.ofYuan(s.largeExpenseSubsidyPaid()),
                Money.ofYuan(s.disabledPersonsFundPaid()), Money.ofYuan(s.medicalAidPaid()), Money.ofYuan(s.hospitalBorneAmount()),
                Money.ofYuan(s.otherPaid()), Money.ofYuan(s.fundPaidTotal()), Money.ofYuan(s.personBorneTotal()),
                Money.ofYuan(s.accountPaid()), Money.ofYuan(s.cashPaid()), Money.ofYuan(s.accountMutualAidPaid()),
                Money.ofYuan(s.accountBalance()),
                output.fundPayments().stream().map(f -> new Settlement.FundShare(f.fundType(), f.fundTypeName(),
                        Money.ofYuan(f.amount()), Money.ofYuan(f.inScopeAmount()), Money.ofYuan(f.payableLimit()))).toList());
    }
}
