package org.fundwatch.clickhouse;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClickHouseConfigTest {

    @Test
    void readsTheExternalServerFromTheEnvironment() {
        ClickHouseConfig config = ClickHouseConfig.fromEnvironment(Map.of(
                "FUNDWATCH_CLICKHOUSE_URL", "https://ch.example.org:8443/",
                "FUNDWATCH_CLICKHOUSE_USER", "fundwatch",
                "FUNDWATCH_CLICKHOUSE_PASSWORD", "s3cret",
                "FUNDWATCH_CLICKHOUSE_DATABASE", "fw_prod"));
        assertEquals("https://ch.example.org:8443", config.url());
        assertEquals("fundwatch", config.user());
        assertEquals("s3cret", config.password());
        assertEquals("fw_prod", config.database());
        assertTrue(config.external());
        assertFalse(config.toString().contains("s3cret"), "the password must not be printed");
    }

    @Test
    void defaultsUserAndDatabase() {
        ClickHouseConfig config = ClickHouseConfig.fromEnvironment(Map.of("FUNDWATCH_CLICKHOUSE_URL", "http://h:8123"));
        assertEquals("default", config.user());
        assertEquals("", config.password());
        assertEquals("fundwatch", config.database());
    }

    @Test
    void localServerIsNotExternalButHonoursTheDatabase() {
        Map<String, String> env = Map.of("FUNDWATCH_CLICKHOUSE_DATABASE", "fw_dev", "FUNDWATCH_CLICKHOUSE_URL", " ");
        assertFalse(ClickHouseConfig.isExternal(env), "a blank URL means: use the local server");
        ClickHouseConfig config = ClickHouseConfig.local(18123, env);
        assertEquals("http://127.0.0.1:18123", config.url());
        assertEquals("fw_dev", config.database());
        assertFalse(config.external());
        assertThrows(IllegalStateException.class, () -> ClickHouseConfig.fromEnvironment(env));
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThrows(IllegalArgumentException.class,
                () -> ClickHouseConfig.fromEnvironment(Map.of("FUNDWATCH_CLICKHOUSE_URL", "localhost:9000")));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseConfig.fromEnvironment(Map.of(
                "FUNDWATCH_CLICKHOUSE_URL", "http://h:8123", "FUNDWATCH_CLICKHOUSE_DATABASE", "fw; DROP")));
    }
}
