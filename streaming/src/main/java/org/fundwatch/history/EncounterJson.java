package org.fundwatch.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.Money;

/**
 * The JSON form of an internal {@link Encounter} in the history store: the record components as they are (English
 * names, ISO local date-times in Asia/Shanghai, enums by name), money as a whole number of fen. Unknown members are
 * ignored on read, so a newer writer (a field added to the model) does not break an older reader.
 */
public final class EncounterJson {
    private static final ObjectMapper MAPPER = create();

    private EncounterJson() {
    }

    /** The encounter as compact JSON. */
    public static String write(Encounter encounter) {
        try {
            return MAPPER.writeValueAsString(encounter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize encounter " + encounter.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The encounter of {@code json} (written by {@link #write}). */
    public static Encounter read(String json) {
        try {
            return MAPPER.readValue(json, Encounter.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable encounter JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper create() {
        SimpleModule money = new SimpleModule("fundwatch-money");
        money.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.fen());
            }
        });
        money.addDeserializer(Money.class, new JsonDeserializer<>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Money.ofFen(p.getLongValue());
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
