package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDispatcherTest {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.5, null);
    private static final Map<String, String> SECRETS = Map.of("H001", "secret-one", "H002", "secret-two", "H003", "s3");

    private static WebhookDispatcher dispatcher(WebhookSubscriptions subs) {
        return WebhookDispatcher.builder(subs).retryPolicy(FAST).requestTimeout(Duration.ofSeconds(5)).build();
    }

    private static List<String> expectedIds(String institution, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(Warnings.warning(institution, i).alertId());
        }
        return ids;
    }

    @Test
    void deliversSignedWarningsInOrderPerInstitution() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRETS);
             WebhookDispatcher d = dispatcher(WebhookSubscriptions.of(receiver.subscription("H001"),
                     receiver.subscription("H002")))) {
            for (int i = 0; i < 25; i++) {
                assertTrue(d.submit(Warnings.warning("H001", i)));
                assertTrue(d.submit(Warnings.warning("H002", i)));
            }
            assertTrue(d.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(expectedIds("H001", 0, 25), receiver.alertIds("H001"));
            assertEquals(expectedIds("H002", 0, 25), receiver.alertIds("H002"));
            assertEquals(0, receiver.rejectedSignatures());
            for (TestReceiver.Received r : receiver.received()) {
                assertEquals(r.body().get("alert_id").asText(), r.alertIdHeader());
            }
            TestReceiver.Received firstReceived = receiver.received().stream()
                    .filter(r -> r.endpoint().equals("H001")).findFirst().orElseThrow();
            JsonNode first = firstReceived.body();
            assertTrue(firstReceived.raw().contains("\"vola_amt\":12.50"), "money keeps its two decimals");
            assertEquals("H001", first.get("fixmedins_code").asText());
            assertEquals("GZ10000301004000", first.get("official_code").asText());
            assertEquals("MDTRT-H001-0", first.get("mdtrt_id").asText());
            assertEquals("0", first.get("evidence").get("seq").asText());
            assertEquals(new DeliveryStats(50, 50, 0, 0, 0, 0), d.stats());
        }
    }

    @Test
    void receiverDownThenUpLosesNothingAndKeepsOrder() throws Exception {
        try (TestReceiver receiver = TestReceiver.down(SECRETS);
             WebhookDispatcher d = dispatcher(WebhookSubscriptions.of(receiver.subscription("H001"),
                     receiver.subscription("H002")))) {
            for (int i = 0; i < 10; i++) {
                d.submit(Warnings.warning("H001", i));
                d.submit(Warnings.warning("H002", i));
            }
            assertFalse(d.awaitIdle(Duration.ofMillis(600)), "nothing can be delivered while the receiver is down");
            assertTrue(d.stats().retries() >= 2, "connection failures are retried: " + d.stats());
            assertEquals(20, d.stats().pending());
            receiver.startAgain();
            for (int i = 10; i < 15; i++) {
                d.submit(Warnings.warning("H001", i));
            }
            assertTrue(d.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(expectedIds("H001", 0, 15), receiver.alertIds("H001"));
            assertEquals(expectedIds("H002", 0, 10), receiver.alertIds("H002"));
            assertEquals(25, d.stats().delivered());
            assertEquals(0, d.stats().undeliverable());
        }
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedUntilAccepted() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRETS);
             WebhookDispatcher d = dispatcher(WebhookSubscriptions.of(receiver.subscription("H001")))) {
            receiver.respondWith("H001", 503);
            d.submit(Warnings.warning("H001", 1));
            d.submit(Warnings.warning("H001", 2));
            assertFalse(d.awaitIdle(Duration.ofMillis(300)));
            receiver.respondWith("H001", 429);
            assertFalse(d.awaitIdle(Duration.ofMillis(200)));
            receiver.respondNormally("H001");
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(expectedIds("H001", 1, 3), receiver.alertIds("H001"));
            assertTrue(d.stats().retries() >= 2);
        }
    }

    @Test
    void eachInstitutionReceivesOnlyItsOwnWarningsAndUnsubscribedAreSkipped() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRETS);
             WebhookDispatcher d = dispatcher(WebhookSubscriptions.of(receiver.subscription("H001"),
                     receiver.subscription("H002")))) {
            for (int i = 0; i < 5; i++) {
                d.submit(Warnings.warning("H001", i));
                assertFalse(d.submit(Warnings.warning("H003", i)), "H003 has no subscription");
            }
            d.submit(Warnings.warning("H002", 99));
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            for (TestReceiver.Received r : receiver.received()) {
                assertEquals(r.endpoint(), r.body().get("fixmedins_code").asText(),
                        "a warning reached another institution's endpoint");
            }
            assertEquals(5, receiver.alertIds("H001").size());
            assertEquals(1, receiver.alertIds("H002").size());
            assertEquals(List.of(), receiver.alertIds("H003"));
            assertEquals(5, d.stats().unsubscribed());
            assertEquals(6, d.stats().delivered());
        }
    }

    @Test
    void wrongSecretIsRejectedByTheReceiverAndRecordedAsUndeliverable(@TempDir Path dir) throws Exception {
        Path deadLetters = dir.resolve("dead/undeliverable.jsonl");
        try (TestReceiver receiver = new TestReceiver(SECRETS);
             WebhookDispatcher d = WebhookDispatcher.builder(WebhookSubscriptions.of(
                             new WebhookSubscription("H001", receiver.url("H001"), "not-the-secret")))
                     .retryPolicy(FAST).undeliverableLog(UndeliverableLog.jsonLines(deadLetters)).build()) {
            d.submit(Warnings.warning("H001", 1));
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(1, receiver.rejectedSignatures());
            assertEquals(List.of(), receiver.alertIds("H001"));
            assertEquals(1, d.stats().undeliverable());
        }
        assertEquals(1, Files.readAllLines(deadLetters).size());
    }

    @Test
    void permanentClientErrorGoesToTheUndeliverableLogWithoutRetryAndTheQueueMovesOn(@TempDir Path dir)
            throws Exception {
        Path deadLetters = dir.resolve("undeliverable.jsonl");
        try (TestReceiver receiver = new TestReceiver(SECRETS);
             WebhookDispatcher d = WebhookDispatcher.builder(WebhookSubscriptions.of(receiver.subscription("H001")))
                     .retryPolicy(FAST).undeliverableLog(UndeliverableLog.jsonLines(deadLetters)).build()) {
            receiver.respondWith("H001", 400);
            d.submit(Warnings.warning("H001", 1));
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            receiver.respondNormally("H001");
            d.submit(Warnings.warning("H001", 2));
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(new DeliveryStats(2, 1, 0, 1, 0, 0), d.stats());
            assertEquals(2, receiver.requests(), "a 400 is not retried");
            assertEquals(expectedIds("H001", 2, 3), receiver.alertIds("H001"));
        }
        List<String> lines = Files.readAllLines(deadLetters);
        assertEquals(1, lines.size());
        JsonNode dead = new ObjectMapper().readTree(lines.get(0));
        assertEquals(400, dead.get("http_status").asInt());
        assertEquals("H001", dead.get("fixmedins_code").asText());
        assertEquals(1, dead.get("attempts").asInt());
        assertEquals(Warnings.warning("H001", 1).alertId(), dead.get("warning").get("alert_id").asText());
        assertTrue(dead.get("reason").asText().contains("400"));
    }

    @Test
    void giveUpAfterBoundsRetriesOfADownReceiver(@TempDir Path dir) throws Exception {
        RetryPolicy bounded = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0,
                Duration.ofMillis(300));
        try (TestReceiver receiver = TestReceiver.down(SECRETS);
             WebhookDispatcher d = WebhookDispatcher.builder(WebhookSubscriptions.of(receiver.subscription("H001")))
                     .retryPolicy(bounded).undeliverableLog(UndeliverableLog.jsonLines(dir.resolve("u.jsonl")))
                     .build()) {
            d.submit(Warnings.warning("H001", 1));
            assertTrue(d.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(1, d.stats().undeliverable());
            assertTrue(d.stats().retries() >= 3);
        }
        assertTrue(Files.readString(dir.resolve("u.jsonl")).contains("gave up after"));
    }
}
