package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.deployment.executors.RemoteExecutor;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar as {@code flink run -d -c org.fundwatch.stream.cli.ClusterMain <jar> …} submits it: the jar is a
 * {@link PackagedProgram} (its own user-code class loader), its {@code main} runs in the client with the cluster's
 * context environment, and the job goes detached over REST to a standalone Flink cluster in two other processes
 * ({@link StandaloneFlinkCluster}), whose class path holds no Fundwatch class: the task manager loads the job, the rules
 * engine and Drools' compiler from the uploaded jar. The submitted job must raise exactly the ordered alerts of the
 * same input run locally, with its counts reconciled. Runs in {@code verify}, after the jar is built.
 */
class ClusterSubmissionIT {
    @TempDir
    Path tmp;

    @Test
    void jobJarSubmittedDetachedRaisesTheAlertsOfALocalRun() throws Exception {
        Path jar = Path.of(System.getProperty("fundwatch.jobJar", "target/fundwatch-streaming-0.1.0-SNAPSHOT-job.jar"));
        assertTrue(Files.isRegularFile(jar), "the job jar is built: " + jar.toAbsolutePath());
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 200, 10);
        StreamResult local = FundwatchJob.run(StreamFixtures.onceWithNationalPack(gen)
                .withOut(tmp.resolve("local").toString()));

        try (StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(tmp.resolve("flink"), 2)) {
            Configuration client = new Configuration();
            client.set(DeploymentOptions.TARGET, RemoteExecutor.NAME);
            client.set(DeploymentOptions.ATTACHED, false);
            client.set(RestOptions.ADDRESS, "localhost");
            client.set(RestOptions.PORT, cluster.restPort());
            // what the CLI adds (CliFrontend: the program's jar and dependencies): the jar the cluster loads the job from
            client.set(PipelineOptions.JARS, List.of(jar.toUri().toURL().toString()));
            PackagedProgram program = PackagedProgram.newBuilder().setJarFile(jar.toFile())
                    .setEntryPointClassName("org.fundwatch.stream.cli.ClusterMain")
                    .setArguments("--in", gen.toString(), "--once", "--pack", StreamFixtures.nationalPack().toString(),
                            "--kb", StreamFixtures.kbDir().toString(), "--out", tmp.resolve("cluster").toString(),
                            "--no-clickhouse")
                    .setConfiguration(client).build();
            ClientUtils.executeProgram(new DefaultExecutorServiceLoader(), client, program, false, false);

            try (RestClusterClient<String> rest = new RestClusterClient<>(client, "standalone")) {
                List<JobStatusMessage> jobs = new ArrayList<>(rest.listJobs().get());
                assertEquals(1, jobs.size(), "one job submitted: " + jobs);
                JobResult result = rest.requestJobResult(jobs.get(0).getJobId()).get(5, TimeUnit.MINUTES);
                assertTrue(result.isSuccess(), () -> "the job succeeded: " + result.getSerializedThrowable()
                        .map(t -> t.getFullStringifiedStackTrace()).orElse("") + "\n" + cluster.logs());
                StreamResult submitted = StreamResult.of(result.toJobExecutionResult(getClass().getClassLoader()));

                assertTrue(submitted.reconciles(), submitted.toString());
                assertEquals(local.recordsIn(), submitted.recordsIn());
                assertEquals(local.deadLettered(), submitted.deadLettered());
                assertEquals(local.feeLines(), submitted.feeLines());
                Set<String> expected = StreamFixtures.orderedAlertIds(tmp.resolve("local/alerts"));
                assertTrue(expected.size() > 10, "the local run raised alerts: " + expected.size());
                assertEquals(expected, StreamFixtures.orderedAlertIds(tmp.resolve("cluster/alerts")));
                System.err.println("local: " + local + "; submitted: " + submitted + "; ordered alerts "
                        + expected.size());
            }
        }
    }
}
