package org.fundwatch.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one Jackson configuration for national messages. Build once, share everywhere
 * ({@link ObjectMapper} is thread-safe once configured).
 *
 * <p>Lenient where HIS systems differ, strict where meaning is at stake:
 * <ul>
 *   <li>unknown members are ignored ({@code FAIL_ON_UNKNOWN_PROPERTIES=false}); the validator
 *       collects their paths;</li>
 *   <li>strings are trimmed and blank strings read as {@code null}, for every type;</li>
 *   <li>numbers may arrive as strings and are read exactly as {@link BigDecimal} (floats never go
 *       through {@code double});</li>
 *   <li>{@link Boolean} is the national 0/1 flag: {@code "1"/1/true}, {@code "0"/0/false} in, and
 *       {@code "1"/"0"} out;</li>
 *   <li>{@link LocalDateTime} is {@code yyyy-MM-dd HH:mm:ss}, {@link LocalDate} is
 *       {@code yyyy-MM-dd}, both local time of Asia/Shanghai ({@link NationalValues#ZONE});</li>
 *   <li>a single object where a list is expected is read as a one-element list (hsa-his sends
 *       {@code patient_dtos} as an object);</li>
 *   <li>but a value that does not parse (a date, a number, a flag) fails: never a silent default.</li>
 * </ul>
 * Output leaves {@code null} members out and writes decimals in plain notation.
 */
public final class NationalJson {
    private static final ObjectMapper MAPPER = create();

    private NationalJson() {
    }

    /** The shared mapper. Do not reconfigure it; call {@link #create()} for a private copy. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the national configuration. */
    public static ObjectMapper create() {
        SimpleModule national = new SimpleModule("fundwatch-national");
        national.addDeserializer(String.class, new TextDeserializer());
        national.addDeserializer(Boolean.class, new ScalarDeserializer<>(Boolean.class, NationalValues::parseFlag, "a 0/1 flag"));
        national.addDeserializer(BigDecimal.class, new ScalarDeserializer<>(BigDecimal.class, NationalValues::parseDecimal, "a number"));
        national.addDeserializer(Integer.class, new ScalarDeserializer<>(Integer.class, NationalValues::parseInteger, "an integer"));
        national.addDeserializer(LocalDate.class, new ScalarDeserializer<>(LocalDate.class, NationalValues::parseDate, "a date yyyy-MM-dd"));
        national.addDeserializer(LocalDateTime.class,
                new ScalarDeserializer<>(LocalDateTime.class, NationalValues::parseDateTime, "a date-time yyyy-MM-dd HH:mm:ss"));
        national.addSerializer(Boolean.class, new JsonSerializer<>() {
            @Override
            public void serialize(Boolean value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value ? "1" : "0");
            }
        });
        national.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(NationalValues.DATE.format(value));
            }
        });
        national.addSerializer(LocalDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(NationalValues.DATE_TIME.format(value));
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(national)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // keep "1153.00" as 1153.00 in trees too: scale is part of an amount's meaning in a message
                .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .defaultTimeZone(java.util.TimeZone.getTimeZone(NationalValues.ZONE))
                .nodeFactory(new PresizedNodeFactory())
                .build();
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        return mapper;
    }

    /**
     * Object nodes whose member map is sized for a national record at once: a fee detail has 36 members, a settlement
     * about as many, and a default-sized map was rehashed twice while the tree of each such record was built (a few
     * per cent of parsing a message in the stream job). Otherwise Jackson's default factory.
     */
    private static final class PresizedNodeFactory extends com.fasterxml.jackson.databind.node.JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        /** Holds 48 members without a rehash (capacity 64 at the default load factor). */
        private static final int MEMBERS = 64;

        PresizedNodeFactory() {
            super(false);
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode objectNode() {
            return new com.fasterxml.jackson.databind.node.ObjectNode(this, new java.util.LinkedHashMap<>(MEMBERS));
        }
    }

    /** Trims text; blank reads as null; numbers and booleans are read as their text. */
    private static final class TextDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t.isScalarValue()) {
                String text = p.getText().strip();
                return text.isEmpty() ? null : text;
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        @Override
        public String getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** A scalar read from a JSON scalar's text with one of the {@link NationalValues} parsers. */
    private static final class ScalarDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, Optional<T>> parser;
        private final String expected;

        ScalarDeserializer(Class<T> type, Function<String, Optional<T>> parser, String expected) {
            this.type = type;
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t.isScalarValue()) {
                String text = p.getText();
                if (text.isBlank()) {
                    return null;
                }
                Optional<T> value = parser.apply(text);
                if (value.isPresent()) {
                    return value.get();
                }
                return type.cast(ctxt.handleWeirdStringValue(type, text, "expected %s", expected));
            }
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
    }
}
