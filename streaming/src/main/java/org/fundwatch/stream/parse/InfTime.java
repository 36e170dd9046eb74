package org.fundwatch.stream.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.fundwatch.message.NationalValues;

/**
 * A message's event time: its envelope's {@code inf_time} (Asia/Shanghai) in epoch milliseconds.
 *
 * <p>{@link #scan} reads it from the raw bytes, before the message is parsed, for a source that must stamp records as
 * it reads them: the Kafka source keeps one watermark per partition (see {@code FundwatchJob}), and those need each
 * record's time where the partition is read. It reads the top-level members up to {@code inf_time} (which the
 * national envelope puts before {@code input}) and skips the values of the others without binding them.
 */
public final class InfTime {
    /** What {@link #scan} gives for a record without a readable {@code inf_time}: it moves no watermark. */
    public static final long NONE = Long.MIN_VALUE;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonFactory JSON = new JsonFactory();

    private InfTime() {
    }

    /** {@code time} (the national interface's local time) in epoch milliseconds. */
    public static long millis(LocalDateTime time) {
        return time.atZone(ZONE).toInstant().toEpochMilli();
    }

    /**
     * The top-level {@code inf_time} of the JSON object in {@code message}, in epoch milliseconds; {@link #NONE} when
     * it is absent, not a national date-time, or the bytes are not such an object (the parser rejects those later,
     * with the reason, into the dead letters).
     */
    public static long scan(byte[] message) {
        try (JsonParser p = JSON.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = "inf_time".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (wanted) {
                    return value == JsonToken.VALUE_STRING
                            ? NationalValues.parseDateTime(p.getText()).map(InfTime::millis).orElse(NONE) : NONE;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the parse step dead-letters it with the reason
        }
        return NONE;
    }
}
