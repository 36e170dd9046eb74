package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code output} of 【3101】/【3102】: the violations found ({@code result[]}, empty when none). */
public record AnalysisOutput(@JsonProperty("result") List<ViolationResult> results) {

    public AnalysisOutput {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
