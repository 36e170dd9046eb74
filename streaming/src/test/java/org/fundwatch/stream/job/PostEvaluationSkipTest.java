package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settlement's post-event evaluation is skipped when the person has had no message since the settlement evaluation:
 * over generator data (patients with and without later visits, all anomaly kinds) the job raises exactly the alerts it
 * raises when every settlement is evaluated again, and skips most post evaluations.
 */
class PostEvaluationSkipTest {
    @TempDir
    Path tmp;

    @Test
    void skippingUnchangedPostEvaluationsChangesNoAlert() throws Exception {
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 300, 20);
        StreamConfig base = StreamFixtures.onceWithNationalPack(gen)
                .withRecordHistory(false)
                // 10 days, not 1: more persons have visits between a settlement and its post evaluation, and some of
                // those post evaluations raise alerts a settlement evaluation could not (a later overlapping
                // prescription): the comparison covers both the skipped and the evaluated case
                .withPostDelay(Duration.ofDays(10));

        StreamResult skipping = FundwatchJob.run(base.withOut(tmp.resolve("skip").toString())
                .withCheckpoints(tmp.resolve("chk-skip").toString(), Duration.ofSeconds(1), null));
        StreamResult all = FundwatchJob.run(base.withOut(tmp.resolve("all").toString()).withSkipUnchangedPost(false)
                .withCheckpoints(tmp.resolve("chk-all").toString(), Duration.ofSeconds(1), null));

        Set<String> withSkip = alertIds(tmp.resolve("skip/alerts"));
        Set<String> without = alertIds(tmp.resolve("all/alerts"));
        assertTrue(without.size() > 30, "the data raises alerts: " + without.size());
        Set<String> missing = new TreeSet<>(without);
        missing.removeAll(withSkip);
        Set<String> extra = new TreeSet<>(withSkip);
        extra.removeAll(without);
        assertEquals(Set.of(), missing, "alerts lost by skipping (of " + without.size() + ")");
        assertEquals(Set.of(), extra, "alerts only with skipping");
        assertEquals(0, all.postEvaluationsSkipped());
        assertTrue(skipping.postEvaluationsSkipped() > 0, skipping.toString());
    }

    private static Set<String> alertIds(Path dir) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode a : StreamFixtures.jsonLines(dir)) {
            ids.add(a.path("alert_id").asText());
        }
        return ids;
    }
}
