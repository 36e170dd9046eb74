package org.fundwatch.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One charged line: an order (3101/3102 {@code fsi_order_dtos}) or a fee detail (2204/2301
 * {@code feedetail}).
 *
 * @param lineId          the order id ({@code rx_id}) or fee-line serial ({@code feedetl_sn})
 * @param prescriptionNo  the prescription / order number
 * @param itemCode        the national catalogue code (drug, service item, consumable)
 * @param hospitalItemCode the hospital's own code
 * @param listType        the catalogue
 * @param chargeCategory  national med_chrgitm_type {@code 01}–{@code 14}, when sent
 * @param quantity        quantity (negative on a reversal)
 * @param unitPrice       unit price in yuan, up to 6 decimals
 * @param amount          the line total
 * @param time            when the order starts / the fee occurred
 * @param stopTime        when a long-term order stops, if known
 * @param daysSupply      days covered (2204 {@code prd_days}), if known
 * @param current         whether the line belongs to this request (3101 {@code curr_drord_flag}); history lines are false
 * @param longTerm        long-term order (长期医嘱)
 * @param dischargeMedication 出院带药
 * @param reversedLineId  the line this one reverses (2301 {@code init_feedetl_sn}), if any
 */
public record FeeLine(
        String lineId,
        String prescriptionNo,
        String itemCode,
        String hospitalItemCode,
        ListType listType,
        String chargeCategory,
        String name,
        String specification,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        Money amount,
        LocalDateTime time,
        LocalDateTime stopTime,
        String doctorCode,
        String doctorName,
        String departmentCode,
        String departmentName,
        BigDecimal daysSupply,
        boolean current,
        boolean longTerm,
        boolean dischargeMedication,
        String reversedLineId) {

    public FeeLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(itemCode, "itemCode");
        listType = listType == null ? ListType.OTHER : listType;
    }
}
