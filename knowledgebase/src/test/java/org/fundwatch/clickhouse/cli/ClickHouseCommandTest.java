package org.fundwatch.clickhouse.cli;

import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.LocalClickHouse;
import org.fundwatch.clickhouse.IntegrationServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClickHouseCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cmd = new CommandLine(new ClickHouseCommand(env, new LocalClickHouse()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void wrongUseIsAUsageError() {
        assertEquals(2, run(Map.of()));
        assertTrue(err.toString().contains("Missing subcommand"), err.toString());
        assertEquals(2, run(Map.of(), "launch"));
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString().contains("FUNDWATCH_CLICKHOUSE_URL"));
    }

    @Test
    void localServerThatIsNotRunning(@TempDir Path dir) {
        assertEquals(0, run(Map.of(), "status", "--var-dir", dir.toString()));
        assertTrue(out.toString().contains("running:    no"), out.toString());
        assertTrue(out.toString().contains("(never started)"), out.toString());

        assertEquals(1, run(Map.of(), "migrate", "--var-dir", dir.toString()));
        assertTrue(err.toString().contains("No local ClickHouse is running"), err.toString());
        assertTrue(err.toString().contains("fundwatch clickhouse start"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose");

        assertEquals(0, run(Map.of(), "stop", "--var-dir", dir.toString()));
        assertTrue(out.toString().contains("not running"), out.toString());
    }

    @Test
    @Tag("clickhouse")
    void externalServerIsMigratedButNeverStartedOrStopped(@TempDir Path dir) {
        ClickHouseConfig server = IntegrationServer.freshDatabase();
        Map<String, String> env = Map.of("FUNDWATCH_CLICKHOUSE_URL", server.url(),
                "FUNDWATCH_CLICKHOUSE_DATABASE", server.database());
        try {
            assertEquals(0, run(env, "status", "--var-dir", dir.toString()), err.toString());
            assertTrue(out.toString().contains("server:     external"), out.toString());
            assertTrue(out.toString().contains("url:        " + server.url()), out.toString());
            assertTrue(out.toString().contains("version:    "), out.toString());
            assertTrue(out.toString().contains("migrations: none applied"), out.toString());
            assertTrue(out.toString().contains("pending:    V001 core"), out.toString());

            assertEquals(0, run(env, "migrate"), err.toString());
            assertTrue(out.toString().contains("applied:    V001 core"), out.toString());

            assertEquals(0, run(env, "start", "--var-dir", dir.toString()), err.toString());
            assertTrue(out.toString().contains("external:   " + server.url()), out.toString());
            int bundled = org.fundwatch.clickhouse.MigrationLoader.bundled().size();
            assertTrue(out.toString().contains("(0 applied now, " + bundled + " before)"), out.toString());

            assertEquals(0, run(env, "status"), err.toString());
            assertTrue(out.toString().matches("(?s).*applied:    V001 core at \\d{4}-.*"), out.toString());

            assertEquals(0, run(env, "stop", "--var-dir", dir.toString()));
            assertTrue(out.toString().contains("nothing to stop"), out.toString());
            try (ClickHouseStore store = ClickHouseStore.open(server)) {
                assertTrue(store.ping(), "stop must not touch an external server");
            }
            assertFalse(new LocalClickHouse().status(dir).running(), "no local server was started");
        } finally {
            try (ClickHouseStore store = ClickHouseStore.open(server)) {
                store.execute("DROP DATABASE IF EXISTS " + server.database());
            }
        }
    }
}
