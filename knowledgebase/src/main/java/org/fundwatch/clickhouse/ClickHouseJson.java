package org.fundwatch.clickhouse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The Jackson mapper for ClickHouse's {@code JSONEachRow} format, written so that both ClickHouse 18.16 and
 * current releases parse what it writes (verified on 18.16.1):
 * <ul>
 *   <li>{@link java.math.BigDecimal} as a plain JSON number: 18.16 rejects a quoted string for a
 *       {@code Decimal} column ("Cannot parse input: expected ,"), current versions accept both;</li>
 *   <li>{@link LocalDateTime} as {@code "yyyy-MM-dd HH:mm:ss"}, read in the column's time zone
 *       (our columns are {@code DateTime('Asia/Shanghai')}, the zone the national messages use);</li>
 *   <li>{@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} as Unix seconds, which is
 *       zone-free and accepted for {@code DateTime} columns by both versions;</li>
 *   <li>reading: fractional numbers as {@link java.math.BigDecimal} so money never passes through
 *       {@code double}.</li>
 * </ul>
 */
public final class ClickHouseJson {

    /** The layout ClickHouse's default ("basic") DateTime text parser accepts. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("clickhouse-time")
                    .addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(DATE_TIME))
                    .addSerializer(Instant.class, new EpochSeconds<>(Instant.class))
                    .addSerializer(OffsetDateTime.class, new EpochSeconds<>(OffsetDateTime.class))
                    .addSerializer(ZonedDateTime.class, new EpochSeconds<>(ZonedDateTime.class)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ClickHouseJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code row} serialized now as one JSONEachRow line, for {@link ClickHouseStore#insertJsonEachRow(String, Iterable)}
     * to write as it is: write-behind queues prepare their rows as they arrive instead of in one burst per insert.
     */
    public static com.fasterxml.jackson.databind.util.RawValue row(Object row) {
        try {
            return new com.fasterxml.jackson.databind.util.RawValue(MAPPER.writeValueAsString(row));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("row cannot be serialized: " + e.getOriginalMessage(), e);
        }
    }

    private static final class EpochSeconds<T> extends StdSerializer<T> {
        EpochSeconds(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value instanceof Instant instant) {
                gen.writeNumber(instant.getEpochSecond());
            } else if (value instanceof OffsetDateTime offset) {
                gen.writeNumber(offset.toEpochSecond());
            } else if (value instanceof ZonedDateTime zoned) {
                gen.writeNumber(zoned.toEpochSecond());
            } else {
                throw new IllegalArgumentException("not a point in time: " + value);
            }
        }
    }
}
