package org.fundwatch.stream.job;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink standalone session cluster as Flink's own scripts start it: a JobManager process
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager process ({@code TaskManagerRunner}) with one
 * configuration directory. Their class path is this test's minus Fundwatch's own classes, so a submitted job finds
 * Fundwatch only in the job jar it brings, as on a real cluster.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    private static final Pattern REGISTERED_SLOTS = Pattern.compile("\"slots-total\"\\s*:\\s*(\\d+)");

    private final Path dir;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneFlinkCluster(Path dir, int restPort) {
        this.dir = dir;
        this.restPort = restPort;
    }

    /** Starts a cluster with one TaskManager of {@code slots} slots under {@code dir}; returns once the slots are up. */
    static StandaloneFlinkCluster start(Path dir, int slots) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        int restPort = freePort();
        Files.writeString(dir.resolve("conf/config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: localhost",
                "jobmanager.memory.process.size: 768m",
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "rest.port: " + restPort,
                "taskmanager.host: localhost",
                "taskmanager.bind-host: localhost",
                "taskmanager.numberOfTaskSlots: " + slots,
                // what Flink's start scripts derive from taskmanager.memory.process.size, set explicitly
                "taskmanager.cpu.cores: " + slots,
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.task.heap.size: 768m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "io.tmp.dirs: " + dir.resolve("tmp"),
                ""));
        // the cluster's JVMs log warnings and errors (Fundwatch's logback.xml is not on their class path)
        Files.writeString(dir.resolve("conf/logback.xml"), "<configuration><appender name=\"OUT\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36}"
                + " - %msg%n</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>"
                + "</configuration>");
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, restPort);
        try {
            cluster.launch("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "768m");
            cluster.launch("taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "896m");
            cluster.awaitSlots(slots, 120_000);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    int restPort() {
        return restPort;
    }

    /** The last lines of both processes' output (for a failing assertion). */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"jobmanager", "taskmanager"}) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
                out.append("--- ").append(name).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())))
                        .append('\n');
            } catch (IOException e) {
                out.append("--- ").append(name).append(": no log (").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    private void launch(String name, String mainClass, String heap) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap, "-Dlogback.configurationFile=" + dir.resolve("conf/logback.xml"),
                // as Flink's distribution starts its JVMs (env.java.opts.all)
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", clusterClassPath(), mainClass, "--configDir", dir.resolve("conf").toString()));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    private void awaitSlots(int slots, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process exited (" + p.exitValue() + "):\n" + logs());
                }
            }
            String overview = get("/overview");
            Matcher m = overview == null ? null : REGISTERED_SLOTS.matcher(overview);
            if (m != null && m.find() && Integer.parseInt(m.group(1)) >= slots) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the cluster did not offer " + slots + " slots in " + timeoutMillis + " ms:\n"
                + logs());
    }

    private String get(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + restPort + path).toURL()
                    .openConnection();
            c.setConnectTimeout(1_000);
            c.setReadTimeout(2_000);
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return null;
        }
    }

    /**
     * This test's class path without Fundwatch's modules (their jars and class directories): Flink, its dependencies and
     * the test's libraries, as a Flink distribution's lib/ would hold them.
     */
    private static String clusterClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
            boolean fundwatch = name.startsWith("fundwatch-") || entry.replace('\\', '/').matches(".*/target/(test-)?classes/?");
            if (!entry.isBlank() && !fundwatch) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
