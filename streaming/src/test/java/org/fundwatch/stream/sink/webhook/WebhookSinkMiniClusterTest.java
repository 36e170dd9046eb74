package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.fundwatch.rules.engine.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook sink on a Flink MiniCluster at parallelism 2 while the receiver is first down, then up. */
class WebhookSinkMiniClusterTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final List<String> INSTITUTIONS = List.of("H001", "H002", "H003");

    @Test
    void deliversEveryFindingInOrderPerInstitutionAfterTheReceiverComesUp() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (String institution : INSTITUTIONS) {
                findings.add(Warnings.finding(institution, i));
            }
            findings.add(Warnings.finding("H404", i)); // no subscription: skipped, not an error
        }
        Map<String, String> secrets = Map.of("H001", "a", "H002", "b", "H003", "c");
        try (TestReceiver receiver = TestReceiver.down(secrets)) {
            WebhookSubscriptions subscriptions = WebhookSubscriptions.of(receiver.subscription("H001"),
                    receiver.subscription("H002"), receiver.subscription("H003"));
            Configuration conf = new Configuration();
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a failure fails the test, no restart loop
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(2);
            env.enableCheckpointing(200);
            env.fromData(findings).setParallelism(1)
                    .sinkTo(WebhookSink.builder(subscriptions, WarningMapper.findings())
                            .retryPolicy(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(300), 2.0, 0.5, null))
                            .build())
                    .name("webhooks");
            CompletableFuture<Void> bringUp = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(2_000);
                    receiver.startAgain();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            env.execute("webhook-sink-test");
            bringUp.join();
            assertTrue(System.nanoTime() - start >= 2_000_000_000L,
                    "the job cannot finish before the receiver is up: end of input waits for delivery");
            for (String institution : INSTITUTIONS) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    expected.add(Warnings.finding(institution, i).id());
                }
                assertEquals(expected, receiver.alertIds(institution), "all of " + institution + ", in order");
            }
            assertEquals(90, receiver.received().size());
            assertEquals(0, receiver.rejectedSignatures());
        }
    }
}
