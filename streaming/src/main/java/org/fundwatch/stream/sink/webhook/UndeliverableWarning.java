package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A warning that could not be delivered and was given up on (dead letter).
 *
 * @param httpStatus the last status received, null when there was no response
 * @param reason     why it was given up on
 * @param at         ISO-8601 instant of the decision
 */
public record UndeliverableWarning(
        @JsonProperty("fixmedins_code") String institutionCode,
        @JsonProperty("url") String url,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("reason") String reason,
        @JsonProperty("at") String at,
        @JsonProperty("warning") WarningPayload warning) {
}
