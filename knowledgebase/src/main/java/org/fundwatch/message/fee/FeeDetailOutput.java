package org.fundwatch.message.fee;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code output} of 【2204】/【2301】: each fee line after the platform's split (§4.6). */
public record FeeDetailOutput(@JsonProperty("result") List<FeeSplit> lines) {

    public FeeDetailOutput {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
