package org.fundwatch.message.fee;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.fundwatch.message.Required;

/** The {@code input} node of 【2204】门诊 / 【2301】住院费用明细上传: {@code {"feedetail": [...]}}. */
public record FeeDetailInput(@JsonProperty("feedetail") @Required List<FeeDetail> lines) {

    public FeeDetailInput {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
