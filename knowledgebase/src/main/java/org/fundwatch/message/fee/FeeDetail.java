package org.fundwatch.message.fee;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.fundwatch.message.Required;

/**
 * {@code feedetail[]} of 【2204】/【2301】 (§4.5). {@code cnt} is negative on a reversal
 * ({@code init_feedetl_sn} names the reversed line). {@code det_item_fee_sumamt} must equal
 * {@code cnt × pric} within 0.01.
 */
public record FeeDetail(
        @JsonProperty("feedetl_sn") @Required String lineId,
        @JsonProperty("init_feedetl_sn") String reversedLineId,
        @JsonProperty("mdtrt_id") @Required String encounterId,
        @JsonProperty("drord_no") String orderNo,
        @JsonProperty("psn_no") @Required String personNo,
        @JsonProperty("med_type") String medType,
        @JsonProperty("chrg_bchno") String chargeBatchNo,
        @JsonProperty("dise_codg") String diseaseCategoryCode,
        @JsonProperty("rxno") String prescriptionNo,
        @JsonProperty("rx_circ_flag") Boolean externalPrescription,
        @JsonProperty("fee_ocur_time") @Required LocalDateTime time,
        @JsonProperty("med_list_codg") @Required String itemCode,
        @JsonProperty("medins_list_codg") String hospitalItemCode,
        @JsonProperty("det_item_fee_sumamt") @Required BigDecimal amount,
        @JsonProperty("cnt") @Required BigDecimal quantity,
        @JsonProperty("pric") @Required BigDecimal unitPrice,
        @JsonProperty("sin_dos_dscr") String singleDose,
        @JsonProperty("used_frqu_dscr") String frequency,
        @JsonProperty("prd_days") BigDecimal days,
        @JsonProperty("medc_way_dscr") String route,
        @JsonProperty("bilg_dept_codg") String deptCode,
        @JsonProperty("bilg_dept_name") String deptName,
        @JsonProperty("bilg_dr_codg") String doctorCode,
        @JsonProperty("bilg_dr_name") String doctorName,
        @JsonProperty("acord_dept_codg") String performingDeptCode,
        @JsonProperty("acord_dept_name") String performingDeptName,
        @JsonProperty("orders_dr_code") String performingDoctorCode,
        @JsonProperty("orders_dr_name") String performingDoctorName,
        @JsonProperty("hosp_appr_flag") String hospitalApproval,
        @JsonProperty("tcmdrug_used_way") String tcmUsage,
        @JsonProperty("etip_flag") Boolean externalTest,
        @JsonProperty("etip_hosp_code") String externalTestHospital,
        @JsonProperty("dscg_tkdrug_flag") Boolean dischargeMedication,
        @JsonProperty("matn_fee_flag") Boolean maternityFee,
        @JsonProperty("memo") String remark,
        @JsonProperty("exp_content") JsonNode extension) {
}
