package org.fundwatch.message.person;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import org.fundwatch.message.Required;

/** The {@code input} node of 【1101】人员信息获取 (§4.10): {@code {"data": …}}. */
public record PersonQueryInput(@JsonProperty("data") @Required Data data) {

    /** {@code input.data}: the credential to look the person up by. */
    public record Data(
            @JsonProperty("mdtrt_cert_type") @Required String credentialType,
            @JsonProperty("mdtrt_cert_no") @Required String credentialNo,
            @JsonProperty("card_sn") String cardSerial,
            @JsonProperty("begntime") LocalDateTime startTime,
            @JsonProperty("psn_cert_type") String certificateType,
            @JsonProperty("certno") String certificateNo,
            @JsonProperty("psn_name") String name) {
    }
}
