package org.fundwatch.message.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.fundwatch.message.Required;

/** The {@code input} node of 【3101】/【3102】: {@code {"data": …}}. */
public record AnalysisInput(@JsonProperty("data") @Required AnalysisData data) {
}
