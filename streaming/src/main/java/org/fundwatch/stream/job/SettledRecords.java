package org.fundwatch.stream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.stream.sink.ClickHouseSink;
import org.fundwatch.history.EncounterJson;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.adapter.SettlementAdapter;
import org.fundwatch.message.settlement.SettlementOutput;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.Settlement;
import org.fundwatch.stream.model.SettledEncounter;
import org.fundwatch.stream.state.StateCodec;

/**
 * What the job derives from a {@link SettledEncounter} for its outputs: the assembled encounter, the settlement
 * (【2207】/【2304】 {@code output}), and the {@code patient_history} row the gateway reads.
 */
final class SettledRecords {
    private static final ObjectMapper JSON = NationalJson.mapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SettledRecords() {
    }

    static Encounter encounter(SettledEncounter s) {
        return StateCodec.unpack(s.encounter);
    }

    /** The settlement of the message, or null when it carries no {@code output.setlinfo} (a request without reply). */
    static Settlement settlement(SettledEncounter s) {
        try {
            JsonNode output = JSON.readTree(s.settlementPayload).path("output");
            if (!output.has("setlinfo")) {
                return null;
            }
            return SettlementAdapter.toSettlement(JSON.treeToValue(output, SettlementOutput.class));
        } catch (IOException e) {
            throw new UncheckedIOException("settlement " + s.settlementId + ": unreadable payload", e);
        }
    }

    /**
     * The gateway's history row; version = wall-clock µs at the insert ({@link ClickHouseSink#VERSION_AT_INSERT}), so
     * the newest knowledge of an encounter wins and the gateway's replica sees the row within its poll overlap.
     */
    static Map<String, Object> historyRow(SettledEncounter s) {
        Encounter encounter = encounter(s);
        Map<String, Object> row = ClickHousePatientHistoryStore.row(encounter, EncounterJson.write(encounter), "stream",
                LocalDateTime.now(ZONE).withNano(0), 0);
        row.put("version", ClickHouseSink.VERSION_AT_INSERT);
        return row;
    }
}
