package org.fundwatch.rules.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One entry of a version's status history. Entries are only ever added (each in a file of its own), never edited.
 *
 * @param status      {@code draft} (built, a test failing), {@code tested}, {@code published} or {@code retired}
 * @param at          when the entry was written
 * @param effective   for {@code published}: in force from; for {@code retired}: in force until (exclusive)
 * @param note        free text (who/why), may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEntry(@JsonProperty("status") String status, @JsonProperty("at") Instant at,
                          @JsonProperty("effective") Instant effective, @JsonProperty("note") String note) {
    public static final String DRAFT = "draft";
    public static final String TESTED = "tested";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";
}
