package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.fundwatch.clickhouse.Migrations;
import org.fundwatch.stream.sink.webhook.WebhookSignatureVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's other outputs on one run: per-hospital webhooks (signed, each institution only its own warnings), the
 * Parquet lake (date partitions) and the patient history the gateway reads (ClickHouse {@code patient_history}).
 */
class StreamOutputsTest {
    @TempDir
    Path tmp;
    ClickHouseStore store;

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
    void webhooksLakeAndHistory() throws Exception {
        long testStartedMicros = System.currentTimeMillis() * 1000;
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 200, 10);
        Set<String> institutions = new TreeSet<>();
        try (Stream<Path> files = Files.list(gen.resolve("messages"))) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    institutions.add(StreamFixtures.JSON.readTree(line).path("fixmedins_code").asText());
                }
            }
        }
        // every institution but the first subscribes, each with its own secret
        String unsubscribed = institutions.iterator().next();
        Map<String, String> secrets = new ConcurrentHashMap<>();
        Map<String, String> received = new ConcurrentHashMap<>(); // alert id -> institution of the URL
        AtomicInteger badSignatures = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook/", exchange -> {
            String institution = exchange.getRequestURI().getPath().substring("/hook/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            var check = new WebhookSignatureVerifier(secrets.get(institution), Duration.ofMinutes(5)).verify(
                    exchange.getRequestHeaders().getFirst("X-Fundwatch-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Fundwatch-Signature"), body);
            JsonNode warning = StreamFixtures.JSON.readTree(body);
            if (!check.valid() || !institution.equals(warning.path("fixmedins_code").asText())) {
                badSignatures.incrementAndGet();
            }
            received.put(warning.path("alert_id").asText(), institution);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            StringBuilder yaml = new StringBuilder("subscriptions:\n");
            for (String code : institutions) {
                if (!code.equals(unsubscribed) && !code.isEmpty()) {
                    secrets.put(code, "secret-" + code);
                    yaml.append("  - fixmedins_code: ").append(code).append('\n')
                            .append("    url: http://127.0.0.1:").append(receiver.getAddress().getPort())
                            .append("/hook/").append(code).append('\n')
                            .append("    secret: secret-").append(code).append('\n');
                }
            }
            Path subscriptions = tmp.resolve("webhooks.yaml");
            Files.writeString(subscriptions, yaml);
            Path lake = tmp.resolve("lake");

            StreamConfig config = StreamFixtures.onceWithNationalPack(gen)
                    .withClickHouse(store.config()).withWebhooks(subscriptions.toString())
                    .withLake(lake.toUri().toString())
                    .withCheckpoints(tmp.resolve("chk").toString(), Duration.ofSeconds(1), null);
            StreamResult result = FundwatchJob.run(config);
            assertTrue(result.reconciles(), result.toString());

            // webhooks: every alert of a subscribed institution arrived, signed, at its own URL; none of the other
            List<Map<String, Object>> alerts = store.queryJsonEachRow("SELECT alert_id, fixmedins_code FROM "
                    + store.table("alerts") + " FINAL FORMAT JSONEachRow");
            assertFalse(alerts.isEmpty());
            int expected = 0;
            for (Map<String, Object> a : alerts) {
                String code = String.valueOf(a.get("fixmedins_code"));
                if (secrets.containsKey(code)) {
                    expected++;
                    assertEquals(code, received.get(String.valueOf(a.get("alert_id"))), "delivered to its own hospital");
                } else {
                    assertFalse(received.containsKey(String.valueOf(a.get("alert_id"))), "not subscribed: " + code);
                }
            }
            assertTrue(expected > 0, "some alerts belong to subscribed institutions");
            assertEquals(expected, received.size());
            assertEquals(0, badSignatures.get(), "every request is signed for its institution");

            // lake: committed Parquet files in date partitions
            for (String table : List.of("fee_lines", "settlements")) {
                try (Stream<Path> files = Files.walk(lake.resolve(table))) {
                    List<Path> parquet = files.filter(Files::isRegularFile).toList();
                    assertFalse(parquet.isEmpty(), table);
                    assertTrue(parquet.stream().allMatch(p -> p.getParent().getFileName().toString().startsWith("dt=2025-06-")
                            && !p.getFileName().toString().startsWith(".")), table + ": " + parquet);
                }
            }

            // history: every settled encounter is in patient_history, written by the stream
            long history = ((Number) store.queryJsonEachRow("SELECT count() AS n FROM " + store.table("patient_history")
                    + " FINAL WHERE source = 'stream' FORMAT JSONEachRow").get(0).get("n")).longValue();
            long settlements = 0;
            try (Stream<Path> files = Files.list(gen.resolve("messages"))) {
                for (Path f : files.toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        String infno = StreamFixtures.JSON.readTree(line).path("infno").asText();
                        settlements += infno.equals("2207") || infno.equals("2304") ? 1 : 0;
                    }
                }
            }
            assertEquals(settlements, history, "one history row per settled encounter");
            long oldestVersion = ((Number) store.queryJsonEachRow("SELECT min(version) AS v FROM " + store.table("patient_history")
                    + " WHERE source = 'stream' FORMAT JSONEachRow").get(0).get("v")).longValue();
            assertTrue(oldestVersion >= testStartedMicros, "stream rows are versioned when inserted (the gateway replica's"
                    + " poll overlap relies on it): " + oldestVersion + " < " + testStartedMicros);
        } finally {
            receiver.stop(0);
        }
    }
}
