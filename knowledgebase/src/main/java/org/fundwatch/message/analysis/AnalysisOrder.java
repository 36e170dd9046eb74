package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.fundwatch.message.Required;

/**
 * {@code fsi_order_dtos[]} of 【3101】/【3102】 (§1.5). The format of {@code hilist_code} depends on
 * {@code hilist_type} and is checked by the validator; {@code sumamt} must equal
 * {@code cnt × pric} within 0.01.
 */
public record AnalysisOrder(
        @JsonProperty("rx_id") @Required String orderId,
        @JsonProperty("rxno") String prescriptionNo,
        @JsonProperty("grpno") String groupNo,
        @JsonProperty("long_drord_flag") Boolean longTerm,
        @JsonProperty("hilist_type") @Required String listType,
        @JsonProperty("chrg_type") String chargeCategory,
        @JsonProperty("drord_bhvr") String orderBehaviour,
        @JsonProperty("hilist_code") @Required String itemCode,
        @JsonProperty("hilist_name") String itemName,
        @JsonProperty("hilist_dosform") String dosageForm,
        @JsonProperty("hilist_lv") String listGrade,
        @JsonProperty("hilist_pric") BigDecimal listPrice,
        @JsonProperty("lv1_hosp_item_pric") BigDecimal level1Price,
        @JsonProperty("lv2_hosp_item_pric") BigDecimal level2Price,
        @JsonProperty("lv3_hosp_item_pric") BigDecimal level3Price,
        @JsonProperty("hilist_memo") String listRemark,
        @JsonProperty("hosplist_code") String hospitalItemCode,
        @JsonProperty("hosplist_name") String hospitalItemName,
        @JsonProperty("hosplist_dosform") String hospitalDosageForm,
        @JsonProperty("cnt") @Required BigDecimal quantity,
        @JsonProperty("pric") @Required BigDecimal unitPrice,
        @JsonProperty("sumamt") @Required BigDecimal amount,
        @JsonProperty("ownpay_amt") BigDecimal ownPayAmount,
        @JsonProperty("selfpay_amt") BigDecimal selfPayAmount,
        @JsonProperty("spec") String specification,
        @JsonProperty("spec_unt") String unit,
        @JsonProperty("drord_begn_date") @Required LocalDateTime startTime,
        @JsonProperty("drord_stop_date") LocalDateTime stopTime,
        @JsonProperty("drord_dept_codg") String deptCode,
        @JsonProperty("drord_dept_name") String deptName,
        @JsonProperty("drord_dr_codg") String doctorCode,
        @JsonProperty("drord_dr_name") String doctorName,
        @JsonProperty("drord_dr_profttl") String doctorTitle,
        @JsonProperty("curr_drord_flag") Boolean current) {
}
