package org.fundwatch.stream.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End-to-end test of the README's main command on a small population: real ClickHouse, the knowledge pack built from
 * the shared reference, the national rule pack built/tested/published, generated data through the Flink job.
 */
class StreamDemoCommandTest {

    @Test
    void demoRunsEndToEndAndReportsDetection(@TempDir Path tmp) throws Exception {
        ClickHouseConfig config = IntegrationServer.freshDatabase();
        StreamDemoCommand demo = new StreamDemoCommand();
        demo.clickhouse = config;
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(demo);
        cli.setOut(new PrintWriter(text, true));
        Path rules = nationalPack();
        int code = cli.execute("--patients", "1500", "--days", "20", "--seed", "5",
                "--work", tmp.resolve("demo").toString(), "--kb-out", tmp.resolve("kb").toString(),
                "--registry", tmp.resolve("registry").toString(), "--rules", rules.toString());
        String output = text.toString();
        try (ClickHouseStore store = ClickHouseStore.open(config)) {
            assertEquals(0, code, output);
            assertTrue(demo.streamResult.reconciles(), output);
            assertTrue(demo.streamResult.recordsIn() > 1000, output);
            assertTrue(demo.summary.alerts() > 20, output);
            assertTrue(demo.summary.labelledCases() > 10, output);
            assertTrue(demo.summary.recall() >= 0.6, "recall " + demo.summary.recall() + "\n" + output);
            assertTrue(demo.summary.precision() >= 0.5, "precision " + demo.summary.precision() + "\n" + output);
            assertTrue(output.contains("7/7 summary") && output.contains("overall: recall"), output);
            long stored = Long.parseLong(String.valueOf(store.queryJsonEachRow("SELECT count() AS n FROM "
                    + store.table("alerts") + " FINAL FORMAT JSONEachRow").get(0).get("n")));
            assertEquals(demo.summary.alerts(), stored, "the summary reads what ClickHouse holds");
            // a second run publishes nothing new and reports the same alerts (deterministic ids collapse)
            StringWriter again = new StringWriter();
            cli.setOut(new PrintWriter(again, true));
            assertEquals(0, cli.execute("--patients", "1500", "--days", "20", "--seed", "5",
                    "--work", tmp.resolve("demo").toString(), "--kb-out", tmp.resolve("kb").toString(),
                    "--registry", tmp.resolve("registry").toString(), "--rules", rules.toString(), "--reset"), again.toString());
            assertTrue(again.toString().contains("already active"), again.toString());
            assertEquals(stored, demo.summary.alerts(), again.toString());
        } finally {
            try (ClickHouseStore store = ClickHouseStore.open(config)) {
                IntegrationServer.drop(store);
            }
        }
    }

    private static Path nationalPack() {
        for (Path p : new Path[] {Path.of("../rulebase/packs/national"), Path.of("rulebase/packs/national")}) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("rulebase/packs/national not found");
    }
}
