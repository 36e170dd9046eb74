package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.Format;
import org.fundwatch.message.Required;

/**
 * {@code fsi_encounter_dtos[]} of 【3101】/【3102】 (§1.3). Hainan sends {@code diagnose_dtos} /
 * {@code order_dtos} and adds {@code cvlserv_flag}.
 */
public record AnalysisEncounter(
        @JsonProperty("mdtrt_id") @Required String encounterId,
        @JsonProperty("medins_id") @Required String institutionId,
        @JsonProperty("medins_name") String institutionName,
        @JsonProperty("medins_admdvs") @Format(CodeFormat.ADMIN_DIVISION) String institutionAdmdvs,
        @JsonProperty("medins_type") String institutionType,
        @JsonProperty("medins_lv") String institutionLevel,
        @JsonProperty("wardarea_codg") String wardArea,
        @JsonProperty("wardno") String wardNo,
        @JsonProperty("bedno") String bedNo,
        @JsonProperty("adm_date") @Required LocalDateTime admissionTime,
        @JsonProperty("dscg_date") LocalDateTime dischargeTime,
        @JsonProperty("dscg_main_dise_codg") @Format(CodeFormat.DIAGNOSIS) String mainDiagnosisCode,
        @JsonProperty("dscg_main_dise_name") String mainDiagnosisName,
        @JsonProperty("fsi_diagnose_dtos") @JsonAlias("diagnose_dtos") List<AnalysisDiagnosis> diagnoses,
        @JsonProperty("dr_codg") String doctorCode,
        @JsonProperty("adm_dept_codg") String admissionDeptCode,
        @JsonProperty("adm_dept_name") String admissionDeptName,
        @JsonProperty("dscg_dept_codg") String dischargeDeptCode,
        @JsonProperty("dscg_dept_name") String dischargeDeptName,
        @JsonProperty("med_mdtrt_type") String encounterKind,
        @JsonProperty("med_type") @Required String medType,
        @JsonProperty("fsi_order_dtos") @JsonAlias("order_dtos") List<AnalysisOrder> orders,
        @JsonProperty("matn_stas") String maternityStatus,
        @JsonProperty("medfee_sumamt") BigDecimal totalAmount,
        @JsonProperty("ownpay_amt") BigDecimal ownPayAmount,
        @JsonProperty("selfpay_amt") BigDecimal selfPayAmount,
        @JsonProperty("acct_payamt") BigDecimal accountPayAmount,
        @JsonProperty("ma_amt") BigDecimal medicalAidAmount,
        @JsonProperty("hifp_payamt") BigDecimal pooledFundAmount,
        @JsonProperty("setl_totlnum") Integer settlementCount,
        @JsonProperty("insutype") @Required String insuranceType,
        @JsonProperty("reim_flag") String reimbursementFlag,
        @JsonProperty("out_setl_flag") String offsiteSettlementFlag,
        @JsonProperty("fsi_operation_dtos") List<AnalysisOperation> operations,
        @JsonProperty("cvlserv_flag") Boolean civilServant) {

    public AnalysisEncounter {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        orders = orders == null ? List.of() : List.copyOf(orders);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
