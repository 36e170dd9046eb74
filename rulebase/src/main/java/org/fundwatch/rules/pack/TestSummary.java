package org.fundwatch.rules.pack;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The test results recorded in an artifact: rules and cases run against knowledge pack {@code kbVersion}.
 */
public record TestSummary(@JsonProperty("kb_version") String kbVersion, @JsonProperty("rules") int rules,
                          @JsonProperty("cases") int cases, @JsonProperty("passed") int passed,
                          @JsonProperty("failed") int failed) {
    /** Whether every case passed (and there was at least one). */
    public boolean green() {
        return failed == 0 && cases > 0;
    }
}
