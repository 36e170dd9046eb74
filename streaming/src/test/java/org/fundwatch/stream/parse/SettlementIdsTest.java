package org.fundwatch.stream.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fundwatch.message.NationalJson;
import org.junit.jupiter.api.Test;

/** The settlement id read from tokens is what the validated tree says (which the job read until session 13). */
class SettlementIdsTest {
    private static final String HEAD = "{\"infno\":\"2207\",\"msgid\":\"M1\",\"input\":{\"data\":{\"psn_no\":\"P1\","
            + "\"setl_id\":\"NOT-THIS\"}}";

    @Test
    void readsWhatTheTreeReads() throws Exception {
        List<String> outputs = List.of(
                ",\"output\":{\"setlinfo\":{\"mdtrt_id\":\"M1\",\"setl_id\":\"SETL000000016540\",\"age\":39.0},\"setldetail\":[]}",
                ",\"output\":{\"setldetail\":[{\"setl_id\":\"X\"}],\"setlinfo\":{\"setl_id\":\"S2\"}}",
                "",
                ",\"output\":\"none\"",
                ",\"output\":{\"setlinfo\":[]}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":null}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":{\"a\":1}}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":12345}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":-0}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":1.50}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":true}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\" S3 \"}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\"S4\",\"setl_id\":\"S5\"}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\"S6\"},\"setlinfo\":{\"psn_no\":\"P1\"}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\"S7\"}},\"output\":{\"setlinfo\":{\"setl_id\":\"S8\"}}",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\"S9\"}},\"output\":[1]",
                ",\"output\":{\"setlinfo\":{\"setl_id\":\"S10\"}},\"mode\":\"x\"");
        for (String output : outputs) {
            String message = HEAD + output + "}";
            String byTree = NationalJson.mapper().readTree(message).path("output").path("setlinfo").path("setl_id")
                    .asText(null);
            assertEquals(byTree, SettlementIds.of(message.getBytes(StandardCharsets.UTF_8)), message);
        }
        assertEquals("SETL000000016540", SettlementIds.of((HEAD + outputs.get(0) + "}").getBytes(StandardCharsets.UTF_8)));
    }
}
