package org.fundwatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.fundwatch.generate.GenerationSummary;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.testing.SharedReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, end to end on a real ClickHouse: pack, generated data plus a file of malformed records,
 * load. Every bad record is dead-lettered with its reason, nothing is lost, and ClickHouse holds exactly what
 * the messages carried.
 */
@Tag("clickhouse")
class DemoRunTest {

    @Test
    void loadsGeneratedDataAndDeadLettersEveryBadRecord(@TempDir Path tmp) throws IOException {
        ClickHouseConfig config = IntegrationServer.freshDatabase();
        StringWriter text = new StringWriter();
        DemoRun run = new DemoRun(config, tmp.resolve("kb"), tmp.resolve("demo"), SharedReference.reference(),
                new PrintWriter(text, true));
        run.migrate();
        run.clearLoadedTables(true);
        run.buildPack();
        GenerationSummary generated = run.generate(GeneratorConfig.of(7, 10, 800, LocalDate.of(2025, 6, 1), 0.03));

        Path messages = run.data().resolve("messages");
        List<String> goodLines = Files.readAllLines(messages.resolve("2025-06-02.jsonl"));
        String settlement = goodLines.stream().filter(l -> l.contains("\"infno\":\"2207\"")).findFirst().orElseThrow();
        String fees = goodLines.stream().filter(l -> l.contains("\"infno\":\"2204\"")).findFirst().orElseThrow();
        byte[] gbk = fees.replace("\"infno\":\"2204\"", "\"infno\":\"2204\",\"memo\":\"门诊\"")
                .getBytes(Charset.forName("GBK"));
        Path bad = messages.resolve("zz-malformed.jsonl");
        Files.write(bad, List.of(
                fees.substring(0, fees.length() / 2),                                     // truncated JSON
                "{\"infno\":\"9999\",\"msgid\":\"X\",\"input\":{}}",                      // unknown transaction
                fees.replaceFirst("\"cnt\":[0-9.]+", "\"cnt\":\"abc\""),                  // wrong type
                settlement.substring(0, settlement.indexOf(",\"output\"")) + "}"),        // settlement without output
                StandardCharsets.UTF_8);
        Files.write(bad, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        Files.write(bad, gbk, java.nio.file.StandardOpenOption.APPEND);                  // GBK bytes

        LoadCounts counts = run.load();

        long messageLines = generated.messages();
        assertEquals(messageLines + 5, counts.in(), text.toString());
        assertEquals(5, counts.deadLettered(), text.toString());
        assertTrue(counts.reconciles());
        try (ClickHouseStore store = ClickHouseStore.open(config)) {
            Map<String, Long> tables = DemoRun.tableCounts(store);
            assertEquals(generated.feeLines(), tables.get("fee_lines"));
            assertEquals(5L, tables.get("dead_letters"));
            assertEquals(counts.byInfno().get("2402")[0], tables.get("drg_groups"));
            long settlements = counts.byInfno().get("2207")[0] + counts.byInfno().get("2304")[0];
            assertEquals(settlements, tables.get("settlements"));

            String reasons = store.queryJsonEachRow("SELECT position, reason FROM " + store.table("dead_letters")
                            + " ORDER BY position FORMAT JSONEachRow").stream()
                    .map(r -> r.get("position") + " " + r.get("reason")).collect(Collectors.joining("\n"));
            assertTrue(reasons.contains("zz-malformed.jsonl:1 "), reasons);
            assertTrue(reasons.contains("unknown infno \"9999\""), reasons);
            assertTrue(reasons.contains("$.input.feedetail[0].cnt"), reasons);
            assertTrue(reasons.contains("$.output.setlinfo: missing"), reasons);
            assertTrue(reasons.contains("not UTF-8"), reasons);
        } finally {
            try (ClickHouseStore store = ClickHouseStore.open(config)) {
                store.execute("DROP DATABASE IF EXISTS " + config.database());
            }
        }
    }
}
