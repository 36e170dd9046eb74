package org.fundwatch.message.person;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.message.Required;

/** The {@code output} of 【1101】 (§4.10): base info, insurance enrolments and special identities. */
public record PersonInfoOutput(
        @JsonProperty("baseinfo") @Required Base base,
        @JsonProperty("insuinfo") List<Insurance> insurances,
        @JsonProperty("idetinfo") List<Identity> identities) {

    public PersonInfoOutput {
        insurances = insurances == null ? List.of() : List.copyOf(insurances);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** {@code baseinfo}. */
    public record Base(
            @JsonProperty("psn_no") @Required String personNo,
            @JsonProperty("psn_cert_type") String certificateType,
            @JsonProperty("certno") String certificateNo,
            @JsonProperty("psn_name") String name,
            @JsonProperty("gend") String gender,
            @JsonProperty("naty") String ethnicity,
            @JsonProperty("brdy") LocalDate birthDate,
            @JsonProperty("age") BigDecimal age,
            @JsonProperty("exp_content") JsonNode extension) {
    }

    /** {@code insuinfo[]}: one enrolment. */
    public record Insurance(
            @JsonProperty("balc") BigDecimal accountBalance,
            @JsonProperty("insutype") @Required String insuranceType,
            @JsonProperty("psn_type") String personType,
            @JsonProperty("psn_insu_stas") String status,
            @JsonProperty("psn_insu_date") LocalDate enrolmentDate,
            @JsonProperty("paus_insu_date") LocalDate suspensionDate,
            @JsonProperty("cvlserv_flag") Boolean civilServant,
            @JsonProperty("insuplc_admdvs") String insuredAreaAdmdvs,
            @JsonProperty("emp_name") String employer) {
    }

    /** {@code idetinfo[]}: one special identity (e.g. disability grade). */
    public record Identity(
            @JsonProperty("psn_idet_type") String identityType,
            @JsonProperty("psn_type_lv") String grade,
            @JsonProperty("memo") String remark,
            @JsonProperty("begntime") LocalDateTime startTime,
            @JsonProperty("endtime") LocalDateTime endTime) {
    }
}
