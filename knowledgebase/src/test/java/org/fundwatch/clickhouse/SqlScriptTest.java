package org.fundwatch.clickhouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsThatEndALine() {
        String script = """
                -- header comment; with a semicolon;
                CREATE DATABASE IF NOT EXISTS x;
                CREATE TABLE IF NOT EXISTS x.t (
                    -- a column comment;
                    note String DEFAULT 'a;b'
                ) ENGINE = MergeTree ORDER BY note ;  \r
                SELECT 1
                """;
        assertEquals(List.of(
                "CREATE DATABASE IF NOT EXISTS x",
                "CREATE TABLE IF NOT EXISTS x.t (\n    note String DEFAULT 'a;b'\n) ENGINE = MergeTree ORDER BY note",
                "SELECT 1"), SqlScript.split(script));
    }

    @Test
    void commentOnlyAndBlankPartsAreNoStatements() {
        assertEquals(List.of(), SqlScript.split("-- nothing\n\n;\n  \n"));
    }

    @Test
    void migrationNamesAndChecksums() {
        Migration m = Migration.of("V012__add_index.sql", "CREATE TABLE ${database}.t (id String);\r\n");
        assertEquals(12, m.version());
        assertEquals("add_index", m.name());
        assertEquals(List.of("CREATE TABLE fw.t (id String)"), m.statements("fw"));
        assertEquals(m.checksum(), Migration.of("V012__add_index.sql", "CREATE TABLE ${database}.t (id String);\n")
                .checksum(), "line ends must not change the checksum");
        assertTrue(m.checksum().matches("[0-9a-f]{64}"));
        assertThrows(MigrationException.class, () -> Migration.of("V1_core.sql", ""));
        assertThrows(MigrationException.class, () -> Migration.of("V1__core-v2.sql", ""));
    }

    @Test
    void bundledMigrationsLoadFromTheClasspathInOrder() {
        List<Migration> migrations = MigrationLoader.bundled();
        assertEquals(1, migrations.get(0).version());
        assertEquals("V001__core.sql", migrations.get(0).fileName());
        List<String> statements = migrations.get(0).statements("fundwatch");
        assertEquals("CREATE DATABASE IF NOT EXISTS fundwatch", statements.get(0));
        assertEquals(8, statements.size(), "database + 7 tables");
        assertTrue(statements.stream().skip(1).allMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS fundwatch.")));
    }

    @Test
    void jsonEachRowIsAppendedOnce() {
        assertEquals("SELECT 1\nFORMAT JSONEachRow", ClickHouseStore.withJsonEachRow("SELECT 1;"));
        assertEquals("SELECT 1 format jsoneachrow", ClickHouseStore.withJsonEachRow("SELECT 1 format jsoneachrow"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseStore.withJsonEachRow("SELECT 1 FORMAT TSV"));
    }
}
