package org.fundwatch.stream.lake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.Institution;
import org.fundwatch.model.Money;
import org.fundwatch.model.Settlement;

/**
 * One settlement, flat, as the lake stores it ({@link #SCHEMA}: table {@code settlements}). Amounts in yuan; the
 * national name of each amount is in {@link Settlement}'s documentation and in the column names.
 *
 * @param time settlement time, Asia/Shanghai local; decides the partition
 */
public record SettlementRecord(
        String settlementId,
        String personId,
        String encounterId,
        String institutionCode,
        String admdvs,
        String insuranceType,
        String medType,
        String clearingCategory,
        LocalDateTime time,
        BigDecimal total,
        BigDecimal fullyOwnPay,
        BigDecimal overCap,
        BigDecimal advanceSelfPay,
        BigDecimal inScope,
        BigDecimal deductible,
        BigDecimal pooledFund,
        BigDecimal pooledFundRatio,
        BigDecimal civilServantSubsidy,
        BigDecimal enterpriseSupplementary,
        BigDecimal criticalIllness,
        BigDecimal largeExpenseSubsidy,
        BigDecimal disabledPersonsFund,
        BigDecimal medicalAid,
        BigDecimal hospitalBorne,
        BigDecimal otherFunds,
        BigDecimal fundTotal,
        BigDecimal personTotal,
        BigDecimal accountPay,
        BigDecimal cashPay,
        BigDecimal accountMutualAid,
        BigDecimal accountBalance) implements LakeRecord {

    /** The Parquet columns, national names. */
    public static final LakeSchema<SettlementRecord> SCHEMA = LakeSchema.<SettlementRecord>builder("settlements")
            .column("setl_id", ColumnType.STRING, SettlementRecord::settlementId)
            .column("psn_no", ColumnType.STRING, SettlementRecord::personId)
            .column("mdtrt_id", ColumnType.STRING, SettlementRecord::encounterId)
            .column("fixmedins_code", ColumnType.STRING, SettlementRecord::institutionCode)
            .column("admdvs", ColumnType.STRING, SettlementRecord::admdvs)
            .column("insutype", ColumnType.STRING, SettlementRecord::insuranceType)
            .column("med_type", ColumnType.STRING, SettlementRecord::medType)
            .column("clr_type", ColumnType.STRING, SettlementRecord::clearingCategory)
            .column("setl_time", ColumnType.TIMESTAMP, SettlementRecord::time)
            .column("medfee_sumamt", ColumnType.MONEY, SettlementRecord::total)
            .column("fulamt_ownpay_amt", ColumnType.MONEY, SettlementRecord::fullyOwnPay)
            .column("overlmt_selfpay", ColumnType.MONEY, SettlementRecord::overCap)
            .column("preselfpay_amt", ColumnType.MONEY, SettlementRecord::advanceSelfPay)
            .column("inscp_scp_amt", ColumnType.MONEY, SettlementRecord::inScope)
            .column("act_pay_dedc", ColumnType.MONEY, SettlementRecord::deductible)
            .column("hifp_pay", ColumnType.MONEY, SettlementRecord::pooledFund)
            .column("pool_prop_selfpay", ColumnType.DECIMAL6, SettlementRecord::pooledFundRatio)
            .column("cvlserv_pay", ColumnType.MONEY, SettlementRecord::civilServantSubsidy)
            .column("hifes_pay", ColumnType.MONEY, SettlementRecord::enterpriseSupplementary)
            .column("hifmi_pay", ColumnType.MONEY, SettlementRecord::criticalIllness)
            .column("hifob_pay", ColumnType.MONEY, SettlementRecord::largeExpenseSubsidy)
            .column("hifdm_pay", ColumnType.MONEY, SettlementRecord::disabledPersonsFund)
            .column("maf_pay", ColumnType.MONEY, SettlementRecord::medicalAid)
            .column("hosp_part_amt", ColumnType.MONEY, SettlementRecord::hospitalBorne)
            .column("oth_pay", ColumnType.MONEY, SettlementRecord::otherFunds)
            .column("fund_pay_sumamt", ColumnType.MONEY, SettlementRecord::fundTotal)
            .column("psn_part_amt", ColumnType.MONEY, SettlementRecord::personTotal)
            .column("acct_pay", ColumnType.MONEY, SettlementRecord::accountPay)
            .column("psn_cash_pay", ColumnType.MONEY, SettlementRecord::cashPay)
            .column("acct_mulaid_pay", ColumnType.MONEY, SettlementRecord::accountMutualAid)
            .column("balc", ColumnType.MONEY, SettlementRecord::accountBalance)
            .build();

    public SettlementRecord {
        Objects.requireNonNull(settlementId, "settlementId");
        Objects.requireNonNull(time, "time (setl_time) decides the partition");
    }

    /**
     * The lake row of {@code settlement} made at {@code institution} (null if unknown). {@code medType} and
     * {@code insuranceType} come from the settlement.
     */
    public static SettlementRecord of(Settlement settlement, Institution institution) {
        return of(settlement, institution, null);
    }

    /**
     * The lake row of {@code settlement} for {@code encounter}: the institution comes from the encounter, and so do the
     * medical and insurance types when the settlement does not carry them.
     */
    public static SettlementRecord of(Settlement settlement, Encounter encounter) {
        Objects.requireNonNull(encounter, "encounter");
        return of(settlement, encounter.institution(), encounter);
    }

    private static SettlementRecord of(Settlement s, Institution institution, Encounter encounter) {
        Objects.requireNonNull(s, "settlement");
        if (s.time() == null) {
            throw new IllegalArgumentException("settlement " + s.id() + " has no setl_time: cannot choose its date partition");
        }
        String medType = s.medType() != null || encounter == null ? s.medType() : encounter.medType();
        String insuranceType = s.insuranceType() != null || encounter == null ? s.insuranceType()
                : encounter.insuranceType();
        String personId = s.personId() != null || encounter == null ? s.personId() : encounter.patientId();
        String encounterId = s.encounterId() != null || encounter == null ? s.encounterId() : encounter.id();
        return new SettlementRecord(s.id(), personId, encounterId, institution == null ? null : institution.code(),
                institution == null ? null : institution.admdvs(), insuranceType, medType, s.clearingCategory(),
                s.time(), yuan(s.total()), yuan(s.fullyOwnPay()), yuan(s.overCap()), yuan(s.advanceSelfPay()),
                yuan(s.inScope()), yuan(s.deductible()), yuan(s.pooledFund()), s.pooledFundRatio(),
                yuan(s.civilServantSubsidy()), yuan(s.enterpriseSupplementary()), yuan(s.criticalIllness()),
                yuan(s.largeExpenseSubsidy()), yuan(s.disabledPersonsFund()), yuan(s.medicalAid()),
                yuan(s.hospitalBorne()), yuan(s.otherFunds()), yuan(s.fundTotal()), yuan(s.personTotal()),
                yuan(s.accountPay()), yuan(s.cashPay()), yuan(s.accountMutualAid()), yuan(s.accountBalance()));
    }

    private static BigDecimal yuan(Money money) {
        return Money.toYuan(money);
    }

    @Override
    public LocalDate partitionDate() {
        return time.toLocalDate();
    }
}
