package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once: a run killed mid-way (injected failure after a completed checkpoint, no automatic restart) and
 * restarted with {@code --restore latest} produces the same set of event-time-ordered alerts (settlement, post-event,
 * doctor) as an uninterrupted run, each once. Alerts of 3101/3102 requests (trigger {@code arrival}) are evaluated on
 * arrival against the history processed at that instant, which a replay may see differently (see PersonEvaluator):
 * for them the test checks that none is written twice.
 */
class KillRestoreTest {
    @TempDir
    Path tmp;

    @Test
    void restoredRunEqualsUninterruptedRun() throws Exception {
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 300, 20);
        StreamConfig base = StreamFixtures.onceWithNationalPack(gen);

        StreamResult whole = FundwatchJob.run(base.withOut(tmp.resolve("a").toString())
                .withCheckpoints(tmp.resolve("chk-a").toString(), Duration.ofSeconds(1), null));
        Set<String> expected = StreamFixtures.orderedAlertIds(tmp.resolve("a/alerts"));
        assertTrue(expected.size() > 10, "the uninterrupted run raised alerts: " + expected.size());

        StreamConfig killed = base.withOut(tmp.resolve("b").toString())
                .withCheckpoints(tmp.resolve("chk-b").toString(), Duration.ofMillis(200), null)
                .withPacing(400) // ~1.5 s of input, so that checkpoints complete before the injected failure
                .withInjectedFailure(150);
        Exception failure = assertThrows(Exception.class, () -> FundwatchJob.run(killed));
        assertTrue(String.valueOf(rootCause(failure).getMessage()).contains("test failure injected"),
                "the job failed by the injection: " + failure);
        assertFalse(FundwatchJob.latestCheckpoint(tmp.resolve("chk-b")).isEmpty(), "a checkpoint was retained");
        Set<String> beforeRestore = StreamFixtures.orderedAlertIds(tmp.resolve("b/alerts"));
        assertTrue(beforeRestore.size() < expected.size(), "killed mid-way: " + beforeRestore.size());

        StreamResult restored = FundwatchJob.run(base.withOut(tmp.resolve("b").toString())
                .withCheckpoints(tmp.resolve("chk-b").toString(), Duration.ofSeconds(1), "latest"));
        List<JsonNode> lines = StreamFixtures.jsonLines(tmp.resolve("b/alerts"));
        Set<String> actual = StreamFixtures.orderedAlertIds(tmp.resolve("b/alerts"));
        Set<String> arrival = new TreeSet<>();
        for (JsonNode a : lines) {
            if (a.path("trigger").asText().equals("arrival")) {
                assertTrue(arrival.add(a.path("alert_id").asText()), "arrival alert written twice: " + a);
            }
        }
        assertEquals(lines.size() - arrival.size(), actual.size(), "no ordered alert written twice");
        assertEquals(expected, actual);
        System.err.println("uninterrupted " + whole + "; restored " + restored + "; alerts " + actual.size()
                + " (" + beforeRestore.size() + " before the kill)");
    }


    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
