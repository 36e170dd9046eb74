package org.fundwatch.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.gateway.ActiveEngine;
import org.fundwatch.gateway.Authenticator;
import org.fundwatch.gateway.GatewayAssembly;
import org.fundwatch.gateway.GatewayServer;
import org.fundwatch.gateway.Institution;
import org.fundwatch.gateway.InstitutionRegistry;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.model.Encounter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch bench gateway}: starts the gateway in-process on loopback (real Jetty, real ClickHouse history in a
 * throw-away database) and measures it over HTTP with {@link LoadClient} — the fixed-rate phase from a JVM of its own
 * ({@link LoadClientProcess}), as a hospital's client is:
 * <ol>
 *   <li>open-loop load: 3101 requests of {@code --orders} orders at a fixed {@code --rate} for {@code --seconds}
 *       (after {@code --warmup-seconds} at the same rate, not counted); each latency is measured from the request's
 *       scheduled send time, so a stalled server cannot hide queueing (no coordinated omission);</li>
 *   <li>concurrency: {@code --connections} clients at once on keep-alive connections, each sending
 *       {@code --requests-per-connection} requests back to back.</li>
 * </ol>
 * An error is a transport failure, a non-200 status or an {@code infcode} other than 0. The access log is off during
 * the benchmark (it is one INFO line per request in {@code serve}).
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Benchmark the hospital gateway over loopback HTTP: p50/p99/max at a fixed rate, then errors under many connections.")
public final class GatewayBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PackOptions packs = new PackOptions();

    @Option(names = "--rate", defaultValue = "500", description = "Requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "15", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    // 60 s: the JIT compiles the rule pack's generated classes for most of the first minute (21 CPU-s of C2 in the first
    // 25 s at 250 req/s); a shorter warm-up measures the compiler, not the steady state a running gateway is in.
    @Option(names = "--warmup-seconds", defaultValue = "60", description = "Warm-up seconds at the same rate (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--orders", defaultValue = "20", description = "Orders per 3101 (default ${DEFAULT-VALUE}).")
    int orders;

    // A pool of 20,000 patients with 2 earlier encounters each keeps the history a 3101 sees realistic (2–4 visits in
    // the window) for the whole run; with a small pool every patient piled up a visit per few seconds of load and the
    // later requests joined their 20 orders against hundreds of history lines.
    @Option(names = "--patients", defaultValue = "20000", description = "Distinct patients (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--history-encounters", defaultValue = "2",
            description = "Earlier encounters per patient in patient_history before the run (default ${DEFAULT-VALUE}).")
    int historyEncounters;

    @Option(names = "--connections", defaultValue = "2000", description = "Concurrent connections in the second phase (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--requests-per-connection", defaultValue = "3", description = "Requests each connection sends (default ${DEFAULT-VALUE}).")
    int requestsPerConnection;

    @Option(names = "--threads", description = "Gateway Jetty threads (default: twice the cores, at least 4).")
    int threads = GatewayServer.Settings.DEFAULT_THREADS;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rate < 1 || seconds < 1 || warmupSeconds < 0 || historyEncounters < 0 || orders < 1 || patients < 1 || connections < 1 || requestsPerConnection < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "all counts must be positive (--warmup-seconds may be 0)");
        }
        ActiveEngine engines = ActiveEngine.load(packs.locations(), Clock.systemUTC());
        var kb = engines.current().engine().knowledgePack();
        BenchRequests requests = new BenchRequests(kb, orders, patients, SEED);
        String key = UUID.randomUUID().toString();
        InstitutionRegistry institutions = new InstitutionRegistry(List.of(
                new Institution(requests.institutionCode(), "bench", Authenticator.keyHash(key), null)));
        ClickHouseStore store = ClickHouseConnection.openMigrated(ClickHouseConnection.config()
                .withDatabase("fwbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        err.printf("[gateway bench] rules %s, %d orders per 3101, %d patients, ClickHouse %s database %s%n", engines, orders,
                patients, store.config().url(), store.database());
        err.flush();
        seedHistory(store, requests, err);
        GatewayServer.Settings settings = new GatewayServer.Settings("127.0.0.1", 0, threads, 4 << 20, 60_000);
        try (GatewayAssembly gateway = GatewayAssembly.start(engines, store, institutions, settings,
                GatewayAssembly.Options.defaults().withAccessLog(false))) {
            URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/fsi/api/3101");
            err.printf("[gateway bench] load client: a JVM of its own; warm-up %d s, then measuring %d s at %d req/s%n",
                    warmupSeconds, seconds, rate);
            err.flush();
            Process client = clientProcess(uri, requests.institutionCode(), key, kb.dir()).start();
            ThreadCpu threadCpu = null;
            long cpuBefore = 0;
            long degradedBefore = 0;
            OpenLoopLoad.Summary load = null;
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals(LoadClientProcess.MEASURING)) {
                        threadCpu = ThreadCpu.start();
                        cpuBefore = processCpuNanos();
                        degradedBefore = gateway.gateway().degradedAnalyses();
                    } else if (line.startsWith(LoadClientProcess.RESULT)) {
                        load = OpenLoopLoad.Result.parse(line.substring(LoadClientProcess.RESULT.length()));
                    }
                }
            }
            if (client.waitFor() != 0 || load == null || threadCpu == null) {
                throw new IllegalStateException("the load client process failed (exit " + client.exitValue() + ")");
            }
            long degraded = gateway.gateway().degradedAnalyses() - degradedBefore;
            double cpuPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, load.count());
            String cpuByThread = threadCpu.perRequest(load.count());
            out.printf(Locale.ROOT, "gateway 3101 (%d orders) at %d req/s for %d s over loopback: n=%d p50=%.2f ms p99=%.2f ms "
                    + "max=%.2f ms errors=%d (target p99 <= 20 ms); gateway JVM CPU %.2f ms per request (the load client "
                    + "runs in a JVM of its own)%n", orders, rate, seconds, load.count(), load.p50(), load.p99(), load.max(),
                    load.errors(), cpuPerRequest);
            out.println("  of which Java threads, ms per request: " + cpuByThread + " (the rest: GC, JIT, JVM)");
            out.printf(Locale.ROOT, "  analysed without stored history (history read missed its deadline or failed): %d of %d%n",
                    degraded, load.count());
            out.flush();
            err.printf("[gateway bench] concurrency: %d connections x %d requests%n", connections, requestsPerConnection);
            err.flush();
            OpenLoopLoad.Result burst;
            // numbered after everything the client process sent, so no encounter id is used twice
            BenchRequests more = new BenchRequests(kb, orders, patients, SEED + 1, 100_000_000L);
            try (LoadClient many = new LoadClient(uri, requests.institutionCode(), key, connections)) {
                burst = OpenLoopLoad.concurrent(OpenLoopLoad.Sender.of(many, more, connections * requestsPerConnection),
                        connections, requestsPerConnection);
            }
            out.printf(Locale.ROOT, "gateway %d concurrent connections x %d requests: n=%d errors=%d p50=%.2f ms p99=%.2f ms "
                    + "max=%.2f ms (target 0 errors)%n", connections, requestsPerConnection, burst.count(), burst.errors(),
                    burst.percentile(50), burst.percentile(99), burst.max());
            if (load.firstError() != null || burst.firstError() != null) {
                out.println("first error: " + (load.firstError() != null ? load.firstError() : burst.firstError()));
            }
            out.flush();
        } finally {
            store.execute("DROP DATABASE IF EXISTS " + store.database());
            store.close();
            engines.close();
        }
        return 0;
    }

    /** The seed of the benchmark's requests (the client process makes the same ones). */
    static final long SEED = 42;

    /**
     * The fixed-rate client: this JVM's java and class path, ZGC (a client's own GC pause would delay sends and count
     * as latency), its output read here, its errors passed through.
     */
    private ProcessBuilder clientProcess(URI uri, String institution, String key, java.nio.file.Path kbDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-XX:+UseZGC", "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                LoadClientProcess.class.getName(), uri.toString(), institution, key, kbDir.toString(),
                Integer.toString(orders), Integer.toString(patients), Integer.toString(historyEncounters),
                Integer.toString(rate), Integer.toString(warmupSeconds), Integer.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Writes every patient's earlier encounters to patient_history, where the gateway's replica loads them at start. */
    private void seedHistory(ClickHouseStore store, BenchRequests requests, PrintWriter err) {
        if (historyEncounters == 0) {
            return;
        }
        long started = System.nanoTime();
        List<Encounter> history = requests.history(historyEncounters);
        ClickHousePatientHistoryStore writer = new ClickHousePatientHistoryStore(store, "bench");
        for (int i = 0; i < history.size(); i += 5_000) {
            writer.record(history.subList(i, Math.min(history.size(), i + 5_000)));
        }
        // Merge the seeded parts now: otherwise ClickHouse merges ~200 MB of freshly inserted history during the
        // measured minute, which a table at rest would not do (it showed as p99 swinging between 8 and 480 ms).
        store.execute("OPTIMIZE TABLE " + store.table(ClickHousePatientHistoryStore.TABLE) + " FINAL");
        err.printf("[gateway bench] history: %d earlier encounters written and merged in %d ms%n", history.size(),
                (System.nanoTime() - started) / 1_000_000);
        err.flush();
    }

    /** CPU time of this JVM (all threads: gateway, load client, GC, JIT), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
