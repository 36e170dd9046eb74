package org.fundwatch.message;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code rule_ids}, which HIS systems send as an array ({@code []}, {@code ["R01"]}),
 * {@code null}, or a comma-separated string ({@code "R01,R02"}). Always yields a list (possibly
 * empty), never {@code null}, with blank entries dropped.
 */
public final class RuleIdsDeserializer extends JsonDeserializer<List<String>> {

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return split(p.getText());
        }
        JsonNode node = ctxt.readTree(p);
        List<String> ids = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isValueNode() && !item.isNull()) {
                    ids.addAll(split(item.asText()));
                } else if (!item.isNull()) {
                    return (List<String>) ctxt.handleUnexpectedToken(List.class, JsonToken.START_OBJECT, p,
                            "rule_ids entries must be strings");
                }
            }
            return List.copyOf(ids);
        }
        if (node.isValueNode()) {
            return split(node.asText());
        }
        return (List<String>) ctxt.handleUnexpectedToken(List.class, p);
    }

    @Override
    public List<String> getNullValue(DeserializationContext ctxt) {
        return List.of();
    }

    /** Splits a comma-separated id list. */
    public static List<String> split(String text) {
        return Arrays.stream(text.split("[,，;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
