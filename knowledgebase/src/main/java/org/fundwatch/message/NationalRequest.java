package org.fundwatch.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/**
 * The request envelope of every national transaction (field reference §0.1) with its typed
 * {@code input}. The envelope member {@code mode} (a local extension) and any other unknown
 * member are tolerated and ignored.
 *
 * @param <I> the input type of the transaction, e.g. {@link org.fundwatch.message.analysis.AnalysisInput}
 */
public record NationalRequest<I>(
        @JsonProperty("infno") @Required String transactionCode,
        @JsonProperty("msgid") @Required String messageId,
        @JsonProperty("mdtrtarea_admvs") String careAreaAdmdvs,
        @JsonProperty("insuplc_admdvs") String insuredAreaAdmdvs,
        @JsonProperty("recer_sys_code") String receiverSystemCode,
        @JsonProperty("dev_no") String deviceNo,
        @JsonProperty("dev_safe_info") String deviceSecurityInfo,
        @JsonProperty("cainfo") String signature,
        @JsonProperty("signtype") String signatureType,
        @JsonProperty("infver") String interfaceVersion,
        @JsonProperty("opter_type") String operatorType,
        @JsonProperty("opter") String operatorId,
        @JsonProperty("opter_name") String operatorName,
        @JsonProperty("inf_time") LocalDateTime transactionTime,
        @JsonProperty("fixmedins_code") String institutionCode,
        @JsonProperty("fixmedins_name") String institutionName,
        @JsonProperty("sign_no") String signInNo,
        @JsonProperty("input") @Required I input) {

    /** This envelope with another input (used by adapters that build requests). */
    public <J> NationalRequest<J> withInput(J newInput) {
        return new NationalRequest<>(transactionCode, messageId, careAreaAdmdvs, insuredAreaAdmdvs, receiverSystemCode,
                deviceNo, deviceSecurityInfo, signature, signatureType, interfaceVersion, operatorType, operatorId,
                operatorName, transactionTime, institutionCode, institutionName, signInNo, newInput);
    }

    /** A minimal envelope for {@code input}: the header fields an engine needs, the rest null. */
    public static <I> NationalRequest<I> of(Transaction transaction, String messageId, String institutionCode,
            String careAreaAdmdvs, LocalDateTime time, I input) {
        return new NationalRequest<>(transaction.code(), messageId, careAreaAdmdvs, null, "YBXT", null, null, null, null,
                "V1.0", "1", null, null, time, institutionCode, null, null, input);
    }
}
