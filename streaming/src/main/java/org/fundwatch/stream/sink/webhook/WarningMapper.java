package org.fundwatch.stream.sink.webhook;

import java.io.Serializable;
import java.util.function.Function;
import org.fundwatch.rules.engine.Finding;

/**
 * Renders a stream element as the warning a hospital receives. Serializable so that it can travel inside a Flink
 * sink.
 *
 * @param <T> the element type (a {@link Finding} or the job's alert type)
 */
@FunctionalInterface
public interface WarningMapper<T> extends Function<T, WarningPayload>, Serializable {

    /** {@link WarningPayload#of(Finding)}. */
    static WarningMapper<Finding> findings() {
        return WarningPayload::of;
    }
}
