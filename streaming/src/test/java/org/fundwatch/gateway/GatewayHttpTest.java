package org.fundwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.IntegrationServer;
import org.fundwatch.clickhouse.Migrations;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.history.ClickHousePatientHistoryStoreTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over real HTTP (random port) with real ClickHouse (a throw-away database) and the national pack. */
class GatewayHttpTest {
    static final String A = "H43079600001";
    static final String B = "H43079600002";
    static final String KEY_A = "key-of-hospital-a";
    static final String KEY_B = "key-of-hospital-b";
    static final String SECRET_B = "hmac-secret-of-b";
    static final ObjectMapper JSON = org.fundwatch.message.NationalJson.create();

    static ClickHouseStore store;
    static GatewayAssembly gateway;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        store = ClickHouseStore.open(IntegrationServer.freshDatabase());
        Migrations.bundled(store).migrate();
        InstitutionRegistry institutions = new InstitutionRegistry(List.of(
                new Institution(A, "示例市第二人民医院", Authenticator.keyHash(KEY_A), null),
                new Institution(B, "示例市第三人民医院", Authenticator.keyHash(KEY_B), SECRET_B)));
        GatewayAssembly.Options options = new GatewayAssembly.Options(Duration.ofDays(180), 2000, 1000,
                100, 50, "430700", true);
        gateway = GatewayAssembly.start(ActiveEngine.fixed(GatewayTestSupport.engine(), "national (test)"), store, institutions,
                new GatewayServer.Settings("127.0.0.1", 0, 32, 4 << 20, 30_000), options);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (store != null) {
            IntegrationServer.drop(store);
            store.close();
        }
    }

    static HttpResponse<String> post(String path, byte[] body, String institution, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (institution != null) {
            b.header(Authenticator.INSTITUTION, institution);
        }
        if (key != null) {
            b.header(Authenticator.API_KEY, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response::body);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(0, body.path("infcode").asInt(-99), response::body);
        return body;
    }

    static JsonNode refused(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(-1, body.path("infcode").asInt(-99), response::body);
        assertFalse(body.path("err_msg").asText().isBlank(), response::body);
        assertEquals(30, body.path("inf_refmsgid").asText().length(), response::body);
        return body;
    }

    static List<JsonNode> results(JsonNode body, String ruleName) {
        List<JsonNode> out = new ArrayList<>();
        body.path("output").path("result").forEach(r -> {
            if (ruleName == null || r.path("rule_name").asText().equals(ruleName)) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void sampleGivesTheGenderFindingForItsFirstOrderOnly() throws Exception {
        for (String path : new String[] {"/fsi/api", "/fsi/api/3101"}) {
            JsonNode body = ok(post(path, GatewayTestSupport.sample(), A, KEY_A));
            assertTrue(body.path("inf_refmsgid").asText().startsWith("430700"), body::toString);
            List<JsonNode> gender = results(body, "药品区分性别使用");
            assertEquals(1, gender.size(), body::toString);
            JsonNode r = gender.get(0);
            assertEquals("GZ10000301004000", r.path("rule_id").asText());
            assertEquals(32, r.path("jr_id").asText().length());
            assertEquals("43079600000000012345", r.path("patn_id").asText());
            assertEquals("MDT20250504000123", r.path("mdtrt_id").asText());
            assertEquals("1153.00", r.path("vola_amt").decimalValue().toPlainString());
            assertFalse(body.has("success"), body::toString);
            assertEquals("1", r.path("sev_deg").asText());
            assertEquals("1", r.path("vola_amt_stas").asText());
            assertTrue(r.path("vola_cont").asText().contains("XG02BAZ061Z007010279543"), r::toString);
            assertFalse(r.path("vola_evid").asText().isBlank());
            JsonNode details = r.path("judge_result_detail_dtos");
            assertEquals(1, details.size(), r::toString);
            assertEquals("RX0001", details.get(0).path("rx_id").asText());
            assertEquals("1", details.get(0).path("vola_item_type").asText());
            for (JsonNode any : results(body, null)) {
                any.path("judge_result_detail_dtos").forEach(d ->
                        assertFalse(d.path("rx_id").asText().equals("RX0002"), () -> "second order flagged: " + any));
            }
        }
    }

    @Test
    void envelopeAndBodyErrorsAreNationalFailuresNeverA500() throws Exception {
        JsonNode malformed = refused(post("/fsi/api", "{\"infno\": \"3101\", ".getBytes(StandardCharsets.UTF_8), A, KEY_A), 200);
        assertTrue(malformed.path("err_msg").asText().contains("JSON"), malformed::toString);

        ObjectNode unknown = sampleTree();
        unknown.put("infno", "9999");
        assertTrue(refused(post("/fsi/api", bytes(unknown), A, KEY_A), 200).path("err_msg").asText().contains("unknown infno"));

        ObjectNode settlement = sampleTree();
        settlement.put("infno", "2207");
        assertTrue(refused(post("/fsi/api", bytes(settlement), A, KEY_A), 200).path("err_msg").asText().contains("not served"));

        assertTrue(refused(post("/fsi/api/3102", GatewayTestSupport.sample(), A, KEY_A), 200).path("err_msg").asText()
                .contains("does not match the path"));
        assertTrue(refused(post("/fsi/api/1234", GatewayTestSupport.sample(), A, KEY_A), 200).path("err_msg").asText()
                .contains("unknown infno 1234"));

        ObjectNode missing = sampleTree();
        ((ObjectNode) missing.at("/input/data/patient_dtos/0")).remove("gend");
        String err = refused(post("/fsi/api", bytes(missing), A, KEY_A), 200).path("err_msg").asText();
        assertTrue(err.startsWith("$.input.data.patient_dtos[0].gend"), err);

        ObjectNode badDate = sampleTree();
        ((ObjectNode) badDate.at("/input/data/patient_dtos/0")).put("brdy", "27/08/1951");
        assertTrue(refused(post("/fsi/api", bytes(badDate), A, KEY_A), 200).path("err_msg").asText().contains("brdy"));

        refused(post("/other", GatewayTestSupport.sample(), A, KEY_A), 404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/fsi/api"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        refused(get, 405);
    }

    @Test
    void healthNamesThePacksWithoutCredentialsAndOnlyForGet() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.path("status").asText());
        assertEquals("national (test)", body.path("rules").asText());
        assertEquals(GatewayTestSupport.engine().knowledgePack().version(), body.path("kb").asText());
        assertTrue(body.path("degraded_analyses").isIntegralNumber(), health.body());

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                + "/health")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        refused(post, 405);
    }

    @Test
    void wrongCredentialsAreRejected() throws Exception {
        refused(post("/fsi/api", GatewayTestSupport.sample(), A, "wrong-key"), 401);
        refused(post("/fsi/api", GatewayTestSupport.sample(), A, KEY_B), 401);
        refused(post("/fsi/api", GatewayTestSupport.sample(), null, KEY_A), 401);
        refused(post("/fsi/api", GatewayTestSupport.sample(), A, null), 401);
        refused(post("/fsi/api", GatewayTestSupport.sample(), "H99999999999", KEY_A), 401);
    }

    @Test
    void hmacSignatureAuthenticates() throws Exception {
        ObjectNode own = sampleOf(B);
        ((ObjectNode) own.at("/input/data/patient_dtos/0")).put("curr_mdtrt_id", "MDT-B-HMAC");
        ((ObjectNode) own.at("/input/data/patient_dtos/0/fsi_encounter_dtos/0")).put("mdtrt_id", "MDT-B-HMAC");
        byte[] body = bytes(own);
        long now = System.currentTimeMillis() / 1000;
        String signature = HexFormat.of().formatHex(Authenticator.hmac(SECRET_B, now, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/fsi/api"))
                .header(Authenticator.INSTITUTION, B).header(Authenticator.TIMESTAMP, String.valueOf(now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        ok(http.send(request.copy().header(Authenticator.SIGNATURE, signature).build(), HttpResponse.BodyHandlers.ofString()));
        String tampered = HexFormat.of().formatHex(Authenticator.hmac(SECRET_B, now, "x".getBytes(StandardCharsets.UTF_8)));
        refused(http.send(request.copy().header(Authenticator.SIGNATURE, tampered).build(), HttpResponse.BodyHandlers.ofString()), 401);
    }

    @Test
    void anInstitutionCannotSubmitOrReceiveAnotherInstitutionsData() throws Exception {
        // B with its own credentials sends A's envelope.
        String err = refused(post("/fsi/api", GatewayTestSupport.sample(), B, KEY_B), 200).path("err_msg").asText();
        assertTrue(err.contains("not the authenticated institution"), err);
        // B puts its own code in the envelope but the encounter is A's.
        ObjectNode forged = sampleTree();
        forged.put("fixmedins_code", B);
        err = refused(post("/fsi/api", bytes(forged), B, KEY_B), 200).path("err_msg").asText();
        assertTrue(err.contains("medins_id"), err);
        // B feeds back on a warning issued to A: unknown to B.
        String jrId = results(ok(post("/fsi/api", GatewayTestSupport.sample(), A, KEY_A)), "药品区分性别使用").get(0).path("jr_id").asText();
        err = refused(post("/fsi/api/3103", feedback(B, jrId, "1", "病情需要"), B, KEY_B), 200).path("err_msg").asText();
        assertTrue(err.contains("unknown warn_rslt_id " + jrId), err);
    }

    @Test
    void concurrentClientsGetTheSameResultsAsSequential() throws Exception {
        JsonNode sequential = ok(post("/fsi/api", GatewayTestSupport.sample(), A, KEY_A)).path("output").path("result");
        assertTrue(sequential.size() >= 1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> ok(post("/fsi/api/3101", GatewayTestSupport.sample(), A, KEY_A)).path("output").path("result")));
            }
            for (Future<JsonNode> f : futures) {
                assertEquals(sequential, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void feedbackIsStoredAndCountedPerRule() throws Exception {
        JsonNode result = results(ok(post("/fsi/api", GatewayTestSupport.sample(), A, KEY_A)), "药品区分性别使用").get(0);
        String jrId = result.path("jr_id").asText();
        String err = refused(post("/fsi/api/3103", feedback(A, jrId, "1", null), A, KEY_A), 200).path("err_msg").asText();
        assertTrue(err.contains("dspo_way_rea"), err);
        err = refused(post("/fsi/api/3103", feedback(A, "0123456789abcdef0123456789abcdef", "2", null), A, KEY_A), 200)
                .path("err_msg").asText();
        assertTrue(err.contains("unknown warn_rslt_id"), err);

        JsonNode stored = ok(post("/fsi/api/3103", feedback(A, jrId, "1", "患者确需该器械，已知情同意"), A, KEY_A));
        assertTrue(stored.path("output").isMissingNode() || stored.path("output").isNull(), stored::toString);
        List<Map<String, Object>> rows = store.queryJsonEachRow("SELECT decision, reason, fixmedins_code, rule_id FROM "
                + store.table("feedback") + " WHERE jr_id = '" + jrId + "'");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("continue", rows.get(0).get("decision"));
        assertEquals("患者确需该器械，已知情同意", rows.get(0).get("reason"));
        assertEquals(A, rows.get(0).get("fixmedins_code"));
        assertEquals("drug-gender", rows.get(0).get("rule_id"));
        List<Map<String, Object>> stats = store.queryJsonEachRow("SELECT answered, continued, modified FROM "
                + store.table("feedback_rule_stats") + " WHERE rule_id = 'drug-gender'");
        assertEquals(1, stats.size());
        assertEquals(1L, ((Number) stats.get(0).get("continued")).longValue());
        assertEquals(0L, ((Number) stats.get(0).get("modified")).longValue());
        List<Map<String, Object>> triage = store.queryJsonEachRow("SELECT step, decision FROM " + store.table("triage")
                + " WHERE alert_id = '" + jrId + "'");
        assertEquals(List.of(Map.of("step", FeedbackStore.TRIAGE_STEP, "decision", "继续执行")), triage);

        // The doctor changes his mind: the latest answer counts.
        ok(post("/fsi/api/3103", feedback(A, jrId, "2", null), A, KEY_A));
        stats = store.queryJsonEachRow("SELECT answered, continued, modified FROM " + store.table("feedback_rule_stats")
                + " WHERE rule_id = 'drug-gender'");
        assertEquals(1L, ((Number) stats.get(0).get("answered")).longValue());
        assertEquals(1L, ((Number) stats.get(0).get("modified")).longValue());
    }

    @Test
    void aPrescriptionAtHospitalAYesterdayIsADuplicateAtHospitalBToday() throws Exception {
        String patient = "43079600000000099999";
        ObjectNode atA = prescription(A, patient, "MDT-A-1", "RX-A-1", "2025-06-13 09:00:00", "2025-07-13 09:00:00");
        JsonNode first = ok(post("/fsi/api", bytes(atA), A, KEY_A));
        assertTrue(results(first, "重复开药").isEmpty(), first::toString);

        ObjectNode atB = prescription(B, patient, "MDT-B-1", "RX-B-1", "2025-06-14 10:00:00", "2025-07-14 10:00:00");
        JsonNode second = ok(post("/fsi/api", bytes(atB), B, KEY_B));
        List<JsonNode> duplicate = results(second, "重复开药");
        assertEquals(1, duplicate.size(), second::toString);
        JsonNode r = duplicate.get(0);
        assertEquals("RX-B-1", r.path("judge_result_detail_dtos").get(0).path("rx_id").asText());
        String content = r.path("vola_cont").asText();
        assertTrue(content.contains(ResultMapper.OTHER_INSTITUTION), content);
        assertFalse(content.contains(A) || content.contains("MDT-A-1") || content.contains("RX-A-1"), content);

        // Control: the same prescription for a patient without history is not a duplicate.
        ObjectNode fresh = prescription(B, "43079600000000088888", "MDT-B-2", "RX-B-2", "2025-06-14 10:00:00", "2025-07-14 10:00:00");
        assertTrue(results(ok(post("/fsi/api", bytes(fresh), B, KEY_B)), "重复开药").isEmpty());

        // Hospital A's encounter reached ClickHouse (write-behind), where other gateway instances and the stream read it.
        gateway.gateway().flush();
        List<Map<String, Object>> rows = store.queryJsonEachRow("SELECT mdtrt_id, fixmedins_code, substring(source, 1, 8) AS source FROM "
                + store.table("patient_history") + " FINAL WHERE psn_no = '" + patient + "' ORDER BY mdtrt_id");
        assertEquals(List.of(Map.of("mdtrt_id", "MDT-A-1", "fixmedins_code", A, "source", "gateway:"),
                Map.of("mdtrt_id", "MDT-B-1", "fixmedins_code", B, "source", "gateway:")), rows);
    }

    @Test
    void aPrescriptionSettledThroughTheStreamReachesTheGatewayWithinAPoll() throws Exception {
        String patient = "43079600000000077777";
        // What the stream job's history sink writes for a settled encounter at another hospital (a separate process).
        new ClickHousePatientHistoryStore(store, "stream").record(List.of(ClickHousePatientHistoryStoreTest.encounter(
                patient, "MDT-S-1", B, LocalDateTime.of(2025, 6, 12, 9, 0), "XA10BAE123A001010101234")));
        ObjectNode atA = prescription(A, patient, "MDT-A-7", "RX-A-7", "2025-06-14 10:00:00", "2025-07-14 10:00:00");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        List<JsonNode> duplicate;
        do {
            Thread.sleep(50);
            // The same encounter again: the gateway's own record of it from an earlier attempt is not history.
            atA.put("msgid", A + System.nanoTime());
            duplicate = results(ok(post("/fsi/api", bytes(atA), A, KEY_A)), "重复开药");
        } while (duplicate.isEmpty() && System.nanoTime() < deadline);
        assertEquals(1, duplicate.size(), "the stream's row is in the gateway's replica within the 100 ms poll");
        String content = duplicate.get(0).path("vola_cont").asText();
        assertTrue(content.contains(ResultMapper.OTHER_INSTITUTION), content);
        assertFalse(content.contains("MDT-S-1") || content.contains(B), content);
    }

    // --- request builders ---

    static ObjectNode sampleTree() throws Exception {
        return (ObjectNode) JSON.readTree(GatewayTestSupport.sample());
    }

    /** The sample submitted by {@code institution} (envelope and encounter). */
    static ObjectNode sampleOf(String institution) throws Exception {
        ObjectNode tree = sampleTree();
        tree.put("fixmedins_code", institution);
        ((ObjectNode) tree.at("/input/data/patient_dtos/0/fsi_encounter_dtos/0")).put("medins_id", institution);
        return tree;
    }

    /** An outpatient 3101 of {@code institution} with one 30-day metformin prescription. */
    static ObjectNode prescription(String institution, String patient, String encounterId, String orderId, String start,
                                   String stop) throws Exception {
        ObjectNode tree = sampleOf(institution);
        tree.put("msgid", institution + start.replaceAll("\\D", "") + "0001");
        ObjectNode p = (ObjectNode) tree.at("/input/data/patient_dtos/0");
        p.put("patn_id", patient);
        p.put("curr_mdtrt_id", encounterId);
        ObjectNode e = (ObjectNode) p.at("/fsi_encounter_dtos/0");
        e.put("mdtrt_id", encounterId);
        e.put("med_type", "11");
        e.put("adm_date", start);
        e.put("dscg_main_dise_codg", "E11.900");
        e.put("dscg_main_dise_name", "2型糖尿病");
        ((ArrayNode) e.get("fsi_diagnose_dtos")).removeAll();
        ArrayNode orders = (ArrayNode) e.get("fsi_order_dtos");
        ObjectNode order = (ObjectNode) orders.get(1).deepCopy();
        orders.removeAll();
        order.put("rx_id", orderId);
        order.put("rxno", orderId);
        order.put("hilist_code", "XA10BAE123A001010101234");
        order.put("hilist_name", "二甲双胍片");
        order.put("hosplist_name", "二甲双胍片");
        order.put("cnt", 1);
        order.put("pric", 10);
        order.put("sumamt", 10);
        order.put("long_drord_flag", "0");
        order.put("curr_drord_flag", "1");
        order.put("drord_begn_date", start);
        order.put("drord_stop_date", stop);
        orders.add(order);
        return tree;
    }

    static byte[] feedback(String institution, String jrId, String disposition, String reason) throws Exception {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("infno", "3103");
        tree.put("msgid", institution + "202506141430000001");
        tree.put("mdtrtarea_admvs", "430799");
        tree.put("recer_sys_code", "YBXT");
        tree.put("infver", "V1.0");
        tree.put("opter_type", "1");
        tree.put("opter", "D430796000001");
        tree.put("opter_name", "张医生");
        tree.put("inf_time", "2025-06-14 14:30:00");
        tree.put("fixmedins_code", institution);
        tree.put("fixmedins_name", "示例医院");
        ObjectNode data = tree.putObject("input").putObject("data");
        data.put("warn_type", "1");
        ObjectNode warn = data.putArray("warns").addObject();
        warn.put("warn_rslt_id", jrId);
        warn.put("dspo_way", disposition);
        if (reason != null) {
            warn.put("dspo_way_rea", reason);
        }
        return bytes(tree);
    }

    static byte[] bytes(JsonNode tree) throws Exception {
        return JSON.writeValueAsBytes(tree);
    }

    @Test
    void refusalsCarryAResponseIdAndNoOutput() throws Exception {
        JsonNode body = refused(post("/fsi/api", new byte[0], A, KEY_A), 200);
        assertNotNull(body.path("respond_time").asText(null));
        assertTrue(body.path("output").isMissingNode(), body::toString);
    }
}
