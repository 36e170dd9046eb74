package org.fundwatch.clickhouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs against a real ClickHouse (see {@link IntegrationServer}); part of the normal {@code mvn test}. */
@Tag("clickhouse")
class ClickHouseIntegrationTest {

    private ClickHouseStore store;

    @BeforeEach
    void open() {
        store = ClickHouseStore.open(IntegrationServer.freshDatabase());
    }

    @AfterEach
    void dropDatabase() {
        IntegrationServer.drop(store);
        store.close();
    }

    @Test
    void bundledMigrationsAreIdempotent() {
        Migrations migrations = Migrations.bundled(store);
        List<Integer> all = migrations.migrations().stream().map(Migration::version).toList();
        assertEquals(1, all.get(0));
        Migrations.Result first = migrations.migrate();
        assertEquals(all, first.appliedNow().stream().map(Migration::version).toList());
        assertTrue(first.alreadyApplied().isEmpty());

        Migrations.Result second = Migrations.bundled(store).migrate();
        assertTrue(second.appliedNow().isEmpty(), "second run must apply nothing");
        assertEquals(all, second.alreadyApplied().stream().map(Migration::version).toList());

        List<AppliedMigration> applied = migrations.applied();
        assertEquals(all.size(), applied.size(), "schema_migrations must hold one row per migration after FINAL");
        assertEquals("core", applied.get(0).name());
        assertEquals(migrations.migrations().get(0).checksum(), applied.get(0).checksum());
        assertTrue(migrations.pending().isEmpty());

        List<String> tables = store.queryJsonEachRow("SELECT name FROM system.tables WHERE database = '"
                + store.database() + "' ORDER BY name").stream().map(r -> (String) r.get("name")).toList();
        assertEquals(List.of("alert_details", "alerts", "dead_letters", "drg_groups", "fee_lines", "feedback",
                "feedback_rule_stats", "gateway_warnings", "patient_history", "schema_migrations", "settlements",
                "stream_dead_letters", "triage"), tables);
    }

    @Test
    void replayedAlertsCollapseUnderFinal() {
        Migrations.bundled(store).migrate();
        store.insertJsonEachRow("alerts", List.of(alert("a-1", 1, "12.50"), alert("a-2", 1, "3.00")));
        store.insertJsonEachRow("alerts", List.of(alert("a-1", 2, "99.99")));

        List<Map<String, Object>> rows = store.queryJsonEachRow(
                "SELECT alert_id, version, amount_at_risk, phase, rule_name, event_time, evidence FROM "
                        + store.table("alerts") + " FINAL ORDER BY alert_id");
        assertEquals(2, rows.size());
        Map<String, Object> a1 = rows.get(0);
        assertEquals("a-1", a1.get("alert_id"));
        assertEquals(2L, ((Number) a1.get("version")).longValue(), "the highest version wins");
        assertEquals(0, new BigDecimal("99.99").compareTo((BigDecimal) a1.get("amount_at_risk")));
        assertEquals("mid", a1.get("phase"));
        assertEquals("药品限性别使用", a1.get("rule_name"));
        assertEquals("2024-03-01 10:15:00", a1.get("event_time"));
        assertEquals("{\"item\":\"X-G03AC-Y001\",\"gend\":\"1\"}", a1.get("evidence"));
        assertEquals("a-2", rows.get(1).get("alert_id"));
    }

    @Test
    void insertsJsonLinesFromAStreamAndStreamsRowsBack() {
        Migrations.bundled(store).migrate();
        String lines = """
                {"source":"kafka:fee-details/0","position":"42","reason":"missing psn_no","payload":"{}","received_at":"2024-05-01 08:00:00"}
                {"source":"kafka:fee-details/0","position":"43","reason":"bad cnt","payload":"{\\"cnt\\":\\"x\\"}","received_at":"2024-05-01 08:00:01"}
                """;
        store.insertJsonEachRow("dead_letters", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        try (JsonRowStream rows = store.streamJsonEachRow(
                "SELECT position, reason FROM " + store.table("dead_letters") + " ORDER BY position")) {
            assertEquals("missing psn_no", rows.next().get("reason"));
            assertEquals("bad cnt", rows.next().get("reason"));
            assertFalse(rows.hasNext());
        }
    }

    @Test
    void reportsTheServerVersion() {
        assertTrue(store.ping());
        assertTrue(store.version().matches("\\d+\\.\\d+.*"), store.version());
    }

    @Test
    void serverErrorsNameTheStatement() {
        ClickHouseStoreException e = assertThrows(ClickHouseStoreException.class,
                () -> store.queryJsonEachRow("SELECT * FROM no_such_database.no_such_table"));
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }

    @Test
    void refusesAChangedAppliedMigration(@TempDir Path dir) throws Exception {
        Path v1 = dir.resolve("V001__base.sql");
        Files.writeString(v1, """
                CREATE DATABASE IF NOT EXISTS ${database};
                CREATE TABLE IF NOT EXISTS ${database}.t (id String) ENGINE = MergeTree ORDER BY id;
                """);
        Files.writeString(dir.resolve("V002__second.sql"),
                "CREATE TABLE IF NOT EXISTS ${database}.u (id String) ENGINE = MergeTree ORDER BY id;\n");
        assertEquals(2, new Migrations(store, MigrationLoader.fromDirectory(dir)).migrate().appliedNow().size());

        Files.writeString(v1, Files.readString(v1) + "-- an innocent-looking edit\n");
        Migrations tampered = new Migrations(store, MigrationLoader.fromDirectory(dir));
        MigrationException e = assertThrows(MigrationException.class, tampered::migrate);
        assertTrue(e.getMessage().contains("V001__base.sql was changed after it was applied"), e.getMessage());
        assertTrue(e.getMessage().contains("V3__<name>.sql"), e.getMessage());
    }

    @Test
    void failingStatementNamesFileAndStatement(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V001__broken.sql"), """
                CREATE DATABASE IF NOT EXISTS ${database};
                CREATE TABLE IF NOT EXISTS ${database}.t (id String) ENGINE = NoSuchEngine;
                """);
        MigrationException e = assertThrows(MigrationException.class,
                () -> new Migrations(store, MigrationLoader.fromDirectory(dir)).migrate());
        assertTrue(e.getMessage().contains("V001__broken.sql failed at statement 2 of 2"), e.getMessage());
        assertTrue(new Migrations(store, MigrationLoader.fromDirectory(dir)).applied().isEmpty(),
                "a failed migration is not recorded");
    }

    private static Map<String, Object> alert(String id, long version, String amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("alert_id", id);
        row.put("rule_id", "GZ10000301004000");
        row.put("rule_name", "药品限性别使用");
        row.put("rule_class", "政策类");
        row.put("rule_version", "1");
        row.put("kb_version", "kb-2024.03.01-abcdef12");
        row.put("rules_version", "rules-1.0.0");
        row.put("phase", "mid");
        row.put("severity", "明确违规");
        row.put("psn_no", "43000011111111111111");
        row.put("mdtrt_id", "MD-1");
        row.put("setl_id", "");
        row.put("fixmedins_code", "H43010500001");
        row.put("admdvs", "430105");
        row.put("doctor_code", "D430105001");
        row.put("amount_at_risk", new BigDecimal(amount));
        row.put("basis", "国家医保局两库知识点第一批");
        row.put("evidence", "{\"item\":\"X-G03AC-Y001\",\"gend\":\"1\"}");
        row.put("detected_at", LocalDateTime.of(2024, 3, 1, 10, 15, 5));
        row.put("event_time", LocalDateTime.of(2024, 3, 1, 10, 15, 0));
        row.put("version", version);
        return row;
    }
}
