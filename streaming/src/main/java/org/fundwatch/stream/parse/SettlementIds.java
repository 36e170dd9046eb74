package org.fundwatch.stream.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The platform's settlement id of a 2207/2304 message, {@code output.setlinfo.setl_id}: the message as the job receives
 * it carries the platform's response beside the request, and the request schema (which the job binds) has no
 * {@code output}. Read from the payload's tokens with everything else skipped — no tree — and with a tree's answer:
 * the last of repeated members counts, text as written, null when absent or null, {@code ""} for an object or array.
 */
final class SettlementIds {
    private static final JsonFactory JSON = new JsonFactory();

    private SettlementIds() {
    }

    /** The settlement id, or null; {@code payload} is a validated message. */
    static String of(byte[] payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean output = "output".equals(p.currentName());
                if (p.nextToken() == JsonToken.START_OBJECT && output) {
                    id = inOutput(p);
                } else {
                    id = output ? null : id; // a later output that is not an object: no id
                    p.skipChildren();
                }
            }
            return id;
        } catch (IOException e) {
            return null;
        }
    }

    /** Inside {@code output}: the id of its (last) {@code setlinfo}. */
    private static String inOutput(JsonParser p) throws IOException {
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean setlinfo = "setlinfo".equals(p.currentName());
            if (p.nextToken() == JsonToken.START_OBJECT && setlinfo) {
                id = inSettlementInfo(p);
            } else {
                id = setlinfo ? null : id;
                p.skipChildren();
            }
        }
        return id;
    }

    /** Inside {@code setlinfo}: its (last) {@code setl_id} as text. */
    private static String inSettlementInfo(JsonParser p) throws IOException {
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean setlId = "setl_id".equals(p.currentName());
            JsonToken t = p.nextToken();
            if (setlId) {
                id = switch (t) {
                    case VALUE_NULL -> null;
                    case START_OBJECT, START_ARRAY -> "";
                    case VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText()).toString();
                    case VALUE_NUMBER_INT -> p.getNumberValue().toString(); // as a tree writes it: -0 is 0
                    default -> p.getText();
                };
            }
            p.skipChildren();
        }
        return id;
    }
}
