package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.fundwatch.clickhouse.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generator output through the whole job on a MiniCluster (parallelism 2) into a real ClickHouse: injected anomalies
 * of several kinds are found, bad records (truncated JSON, GBK bytes, unknown infno) are dead letters and do not stop
 * the stream, and every record is accounted for.
 */
class GeneratedDataStreamTest {
    @TempDir
    Path tmp;
    private ClickHouseStore store;

    @BeforeEach
    void database() {
        store = ClickHouseStore.open(IntegrationServer.freshDatabase());
        Migrations.bundled(store).migrate();
    }

    @AfterEach
    void drop() {
        IntegrationServer.drop(store);
        store.close();
    }

    @Test
    void findsInjectedAnomaliesAndDeadLettersBadRecords() throws Exception {
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 300, 20);
        Path bad = gen.resolve("messages").resolve("zz-bad.jsonl");
        byte[] gbk = "{\"infno\":\"2204\",\"fixmedins_name\":\"长沙医院\"}".getBytes("GBK");
        Files.write(bad, List.of(
                "{\"infno\":\"2204\",\"msgid\":\"X\",\"input\":{\"feedetail\":[{\"feedetl_sn\":",
                "{\"infno\":\"9999\",\"msgid\":\"Y\",\"inf_time\":\"2025-06-02 10:00:00\",\"input\":{}}"),
                StandardCharsets.UTF_8);
        Files.write(bad, gbk, java.nio.file.StandardOpenOption.APPEND);

        StreamConfig config = StreamFixtures.onceWithNationalPack(gen)
                .withOut(tmp.resolve("out").toString()).withClickHouse(store.config())
                .withCheckpoints(tmp.resolve("chk").toString(), Duration.ofSeconds(1), null);
        StreamResult result = FundwatchJob.run(config);
        System.err.println(result);

        assertTrue(result.reconciles(), result.toString());
        assertEquals(3, result.deadLettered(), result.toString());
        List<Map<String, Object>> dead = store.queryJsonEachRow("SELECT position, reason FROM "
                + store.table("stream_dead_letters") + " FINAL WHERE source LIKE '%zz-bad.jsonl' ORDER BY position");
        assertEquals(List.of(1L, 2L, 3L), dead.stream().map(r -> ((Number) r.get("position")).longValue()).toList());
        assertEquals(3, StreamFixtures.jsonLines(tmp.resolve("out/dead-letters")).size());

        List<JsonNode> alerts = StreamFixtures.jsonLines(tmp.resolve("out/alerts"));
        long inClickHouse = ((Number) store.queryJsonEachRow("SELECT count() AS n FROM " + store.table("alerts")
                + " FINAL").get(0).get("n")).longValue();
        // Each path writes an alert once; a violation found both in a 3101 on arrival and at settlement is written
        // by each path with the same id (docs/streaming.md), and the ClickHouse table collapses the two.
        Set<String> ids = new HashSet<>();
        Set<String> arrival = new HashSet<>();
        Set<String> ordered = new HashSet<>();
        for (JsonNode a : alerts) {
            String id = a.path("alert_id").asText();
            ids.add(id);
            assertTrue(("arrival".equals(a.path("trigger").asText()) ? arrival : ordered).add(id),
                    "an alert written twice by one path: " + a);
        }
        assertEquals(ids.size(), inClickHouse, "ClickHouse holds the same alerts");

        // Ground truth: a case is found when an alert names one of its encounters (or its person for patterns).
        Map<String, Integer> cases = new TreeMap<>();
        Map<String, Integer> found = new TreeMap<>();
        Set<String> alertKeys = new HashSet<>();
        for (JsonNode a : alerts) {
            alertKeys.add(a.path("psn_no").asText() + "|" + a.path("mdtrt_id").asText());
            alertKeys.add(a.path("psn_no").asText());
        }
        for (JsonNode c : StreamFixtures.jsonFile(gen.resolve("ground-truth.jsonl"))) {
            String kind = c.path("kind").asText();
            cases.merge(kind, 1, Integer::sum);
            boolean hit = false;
            for (JsonNode m : c.path("mdtrt_ids")) {
                hit |= alertKeys.contains(c.path("psn_no").asText() + "|" + m.asText());
            }
            if (hit || c.path("mdtrt_ids").isEmpty() && alertKeys.contains(c.path("psn_no").asText())) {
                found.merge(kind, 1, Integer::sum);
            }
        }
        System.err.println("ground truth cases " + cases + "\nfound " + found);
        Set<String> kinds = new TreeSet<>(found.keySet());
        assertTrue(kinds.size() >= 16, "at least 16 anomaly kinds found, got " + kinds);
        for (String k : List.of("drug_gender", "overlapping_prescription", "duplicate_charge", "item_frequency",
                "frequent_pharmacy", "frequent_outpatient", "internet_first_visit", "internet_restricted_drug",
                "service_after_death", "inpatient_overlap")) {
            assertTrue(kinds.contains(k), k + " found: " + kinds);
        }
        assertTrue(alerts.stream().allMatch(a -> a.path("rules_pack").asText().startsWith("national-")
                && a.path("kb_version").asText().equals("kb-test")), "alerts name their pack versions");
    }
}
