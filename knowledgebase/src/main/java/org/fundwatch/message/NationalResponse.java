package org.fundwatch.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The response envelope of every national transaction (field reference §0.2) with its typed
 * {@code output}. {@code infcode} 0 is success and -1 failure; it is read from {@code "0"} or
 * {@code 0}. Some regions return {@code infcode=0} with an error in {@code err_msg}, so
 * {@link #isSuccess()} checks both.
 *
 * @param <O> the output type, e.g. {@link org.fundwatch.message.analysis.AnalysisOutput}
 */
public record NationalResponse<O>(
        @JsonProperty("infcode") @Required Integer statusCode,
        @JsonProperty("inf_refmsgid") String receiverMessageId,
        @JsonProperty("refmsg_time") String receivedTime,
        @JsonProperty("respond_time") String respondedTime,
        @JsonProperty("err_msg") String errorMessage,
        @JsonProperty("enctype") String encryptionType,
        @JsonProperty("signtype") String signatureType,
        @JsonProperty("output") O output) {

    /** Status code of success. */
    public static final int SUCCESS = 0;
    /** Status code of failure. */
    public static final int FAILURE = -1;

    /** Whether {@code infcode} is 0 and no error message is present (not an envelope member: never serialized). */
    @JsonIgnore
    public boolean isSuccess() {
        return statusCode != null && statusCode == SUCCESS && (errorMessage == null || errorMessage.isBlank());
    }

    /** A success response carrying {@code output}. */
    public static <O> NationalResponse<O> success(String receiverMessageId, String receivedTime, String respondedTime, O output) {
        return new NationalResponse<>(SUCCESS, receiverMessageId, receivedTime, respondedTime, null, null, null, output);
    }

    /** A failure response with {@code errorMessage} (at most 200 characters are kept, the field's length). */
    public static <O> NationalResponse<O> failure(String receiverMessageId, String respondedTime, String errorMessage) {
        String msg = errorMessage == null ? null : errorMessage.length() > 200 ? errorMessage.substring(0, 200) : errorMessage;
        return new NationalResponse<>(FAILURE, receiverMessageId, null, respondedTime, msg, null, null, null);
    }
}
