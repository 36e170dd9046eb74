package org.fundwatch.stream.lake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Institution;
import org.fundwatch.model.Money;
import org.fundwatch.model.Settlement;

/**
 * One settled fee line, flat, as the lake stores it ({@link #SCHEMA}: table {@code fee_lines}). Amounts in yuan.
 *
 * @param listType  the national hilist_type / list_type code ({@code 101}, {@code 201}, {@code 301} …)
 * @param time      fee time, Asia/Shanghai local; decides the partition
 */
public record FeeLineRecord(
        String personId,
        String encounterId,
        String settlementId,
        String institutionCode,
        String admdvs,
        String medType,
        String insuranceType,
        String lineId,
        String reversedLineId,
        String prescriptionNo,
        String itemCode,
        String hospitalItemCode,
        String itemName,
        String listType,
        String chargeCategory,
        String specification,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        LocalDateTime time,
        String doctorCode,
        String departmentCode,
        Boolean dischargeMedication) implements LakeRecord {

    /** The Parquet columns, national names. */
    public static final LakeSchema<FeeLineRecord> SCHEMA = LakeSchema.<FeeLineRecord>builder("fee_lines")
            .column("psn_no", ColumnType.STRING, FeeLineRecord::personId)
            .column("mdtrt_id", ColumnType.STRING, FeeLineRecord::encounterId)
            .column("setl_id", ColumnType.STRING, FeeLineRecord::settlementId)
            .column("fixmedins_code", ColumnType.STRING, FeeLineRecord::institutionCode)
            .column("admdvs", ColumnType.STRING, FeeLineRecord::admdvs)
            .column("med_type", ColumnType.STRING, FeeLineRecord::medType)
            .column("insutype", ColumnType.STRING, FeeLineRecord::insuranceType)
            .column("feedetl_sn", ColumnType.STRING, FeeLineRecord::lineId)
            .column("init_feedetl_sn", ColumnType.STRING, FeeLineRecord::reversedLineId)
            .column("rxno", ColumnType.STRING, FeeLineRecord::prescriptionNo)
            .column("med_list_codg", ColumnType.STRING, FeeLineRecord::itemCode)
            .column("medins_list_codg", ColumnType.STRING, FeeLineRecord::hospitalItemCode)
            .column("hilist_name", ColumnType.STRING, FeeLineRecord::itemName)
            .column("list_type", ColumnType.STRING, FeeLineRecord::listType)
            .column("med_chrgitm_type", ColumnType.STRING, FeeLineRecord::chargeCategory)
            .column("spec", ColumnType.STRING, FeeLineRecord::specification)
            .column("spec_unt", ColumnType.STRING, FeeLineRecord::unit)
            .column("cnt", ColumnType.DECIMAL6, FeeLineRecord::quantity)
            .column("pric", ColumnType.DECIMAL6, FeeLineRecord::unitPrice)
            .column("det_item_fee_sumamt", ColumnType.MONEY, FeeLineRecord::amount)
            .column("fee_ocur_time", ColumnType.TIMESTAMP, FeeLineRecord::time)
            .column("bilg_dr_codg", ColumnType.STRING, FeeLineRecord::doctorCode)
            .column("bilg_dept_codg", ColumnType.STRING, FeeLineRecord::departmentCode)
            .column("dscg_tkdrug_flag", ColumnType.BOOLEAN, FeeLineRecord::dischargeMedication)
            .build();

    public FeeLineRecord {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(time, "time (fee time or settlement time) decides the partition");
    }

    /**
     * The lake row of {@code line}, charged in {@code encounter} and settled by {@code settlement} (null when the
     * settlement is not known; then the fee time alone must be known). The fee time decides the partition; a line
     * without one takes the settlement time.
     */
    public static FeeLineRecord of(FeeLine line, Encounter encounter, Settlement settlement) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(encounter, "encounter");
        LocalDateTime time = line.time() != null ? line.time() : settlement == null ? null : settlement.time();
        if (time == null) {
            throw new IllegalArgumentException("fee line " + line.lineId() + " of encounter " + encounter.id()
                    + " has no fee time and no settlement time: cannot choose its date partition");
        }
        Institution institution = encounter.institution();
        return new FeeLineRecord(encounter.patientId(), encounter.id(), settlement == null ? null : settlement.id(),
                institution == null ? null : institution.code(), institution == null ? null : institution.admdvs(),
                encounter.medType(), encounter.insuranceType(), line.lineId(), line.reversedLineId(),
                line.prescriptionNo(), line.itemCode(), line.hospitalItemCode(), line.name(), line.listType().code(),
                line.chargeCategory(), line.specification(), line.unit(), line.quantity(), line.unitPrice(),
                Money.toYuan(line.amount()), time, line.doctorCode(), line.departmentCode(), line.dischargeMedication());
    }

    @Override
    public LocalDate partitionDate() {
        return time.toLocalDate();
    }
}
