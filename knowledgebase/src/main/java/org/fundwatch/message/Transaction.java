package org.fundwatch.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;
import org.fundwatch.message.admission.AdmissionInput;
import org.fundwatch.message.admission.OutpatientVisitInput;
import org.fundwatch.message.admission.DischargeInput;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.analysis.AnalysisOutput;
import org.fundwatch.message.analysis.FeedbackInput;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.message.fee.FeeDetailOutput;
import org.fundwatch.message.person.PersonInfoOutput;
import org.fundwatch.message.person.PersonQueryInput;
import org.fundwatch.message.settlement.SettlementInput;
import org.fundwatch.message.settlement.SettlementOutput;

/**
 * The national transactions (交易编号, {@code infno}) Fundwatch reads, with the Java types of their
 * {@code input} and {@code output} nodes. An output without a confirmed body (2203, 3103, 2401, 2402) is
 * read as a plain {@link JsonNode}.
 */
public enum Transaction {
    /** 【1101】人员信息获取. */
    PERSON_INFO("1101", "人员信息获取", PersonQueryInput.class, PersonInfoOutput.class),
    /** 【2203】门诊就诊信息上传 (diagnoses of an outpatient visit). */
    OUTPATIENT_VISIT("2203", "门诊就诊信息上传", OutpatientVisitInput.class, JsonNode.class),
    /** 【2204】门诊费用明细上传. */
    OUTPATIENT_FEE_DETAILS("2204", "门诊费用明细信息上传", FeeDetailInput.class, FeeDetailOutput.class),
    /** 【2207】门诊结算. */
    OUTPATIENT_SETTLEMENT("2207", "门诊结算", SettlementInput.class, SettlementOutput.class),
    /** 【2301】住院费用明细上传. */
    INPATIENT_FEE_DETAILS("2301", "住院费用明细信息上传", FeeDetailInput.class, FeeDetailOutput.class),
    /** 【2304】住院结算. */
    INPATIENT_SETTLEMENT("2304", "住院结算", SettlementInput.class, SettlementOutput.class),
    /** 【2401】入院办理. */
    ADMISSION("2401", "入院办理", AdmissionInput.class, JsonNode.class),
    /** 【2402】出院办理. */
    DISCHARGE("2402", "出院办理", DischargeInput.class, JsonNode.class),
    /** 【3101】明细审核事前事中分析服务. */
    PRE_ANALYSIS("3101", "明细审核事前事中分析服务", AnalysisInput.class, AnalysisOutput.class),
    /** 【3102】明细审核事中分析服务. */
    MID_ANALYSIS("3102", "明细审核事中分析服务", AnalysisInput.class, AnalysisOutput.class),
    /** 【3103】事前事中服务反馈服务. */
    FEEDBACK("3103", "事前事中服务反馈服务", FeedbackInput.class, JsonNode.class);

    private final String code;
    private final String chineseName;
    private final Class<?> inputType;
    private final Class<?> outputType;

    Transaction(String code, String chineseName, Class<?> inputType, Class<?> outputType) {
        this.code = code;
        this.chineseName = chineseName;
        this.inputType = inputType;
        this.outputType = outputType;
    }

    /** The {@code infno}, e.g. {@code 3101}. */
    public String code() {
        return code;
    }

    /** The official name, e.g. {@code 明细审核事前事中分析服务}. */
    public String chineseName() {
        return chineseName;
    }

    /** The type of the request's {@code input} node. */
    public Class<?> inputType() {
        return inputType;
    }

    /** The type of the response's {@code output} node. */
    public Class<?> outputType() {
        return outputType;
    }

    /** The transaction with {@code infno}, or empty. */
    public static Optional<Transaction> ofCode(String infno) {
        return Optional.ofNullable(infno == null ? null : BY_CODE.get(infno.strip()));
    }

    /** Every message is dispatched through {@link #ofCode}: one map lookup, not a scan of the values. */
    private static final java.util.Map<String, Transaction> BY_CODE = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(Transaction::code, v -> v)));

    /** The supported codes, comma-separated (for messages). */
    public static String supportedCodes() {
        return String.join(", ", Arrays.stream(values()).map(Transaction::code).toList());
    }
}
