package org.fundwatch.clickhouse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClickHouseJsonTest {

    record Row(String id, BigDecimal amount, LocalDateTime local, Instant instant, ZonedDateTime zoned) {
    }

    @Test
    void writesWhatClickHouse1816Parses() throws Exception {
        Row row = new Row("a", new BigDecimal("1E+2"), LocalDateTime.of(2024, 3, 1, 10, 0, 5),
                Instant.ofEpochSecond(1709258400), ZonedDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        assertEquals("{\"id\":\"a\",\"amount\":100,\"local\":\"2024-03-01 10:00:05\",\"instant\":1709258400,"
                + "\"zoned\":1709258400}", ClickHouseJson.mapper().writeValueAsString(row));
    }

    @Test
    void readsFractionsAsBigDecimal() throws Exception {
        Map<?, ?> row = ClickHouseJson.mapper().readValue("{\"amount\":0.10,\"n\":18446744073709551615}", Map.class);
        assertEquals(new BigDecimal("0.10"), row.get("amount"));
        assertEquals("18446744073709551615", row.get("n").toString());
    }
}
