package org.fundwatch.gateway.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.gateway.ActiveEngine;
import org.fundwatch.gateway.GatewayAssembly;
import org.fundwatch.gateway.GatewayServer;
import org.fundwatch.gateway.InstitutionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fundwatch serve}: the hospital-facing gateway (3101/3102/3103 over HTTP). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the hospital gateway: POST /fsi/api and /fsi/api/{infno} for 3101, 3102 and 3103.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    PackOptions packs = new PackOptions();

    @Option(names = "--host", defaultValue = "${env:FUNDWATCH_GATEWAY_HOST:-0.0.0.0}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:FUNDWATCH_GATEWAY_PORT:-8080}", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--institutions", paramLabel = "FILE", defaultValue = "${env:FUNDWATCH_GATEWAY_INSTITUTIONS:-var/gateway/institutions.yaml}",
            description = "Institutions and their credentials, YAML or JSON (default ${DEFAULT-VALUE}).")
    Path institutions;

    @Option(names = "--admdvs", defaultValue = "000000", description = "6-digit region of this gateway, opens inf_refmsgid (default ${DEFAULT-VALUE}).")
    String admdvs;

    @Option(names = "--threads", description = "Jetty threads (default: twice the cores, at least 4).")
    int threads = GatewayServer.Settings.DEFAULT_THREADS;

    @Option(names = "--max-body-bytes", defaultValue = "4194304", description = "Largest request body (default ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--history-days", defaultValue = "180", description = "Days of patient history read before the admission (default ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(names = "--history-timeout-ms", defaultValue = "100",
            description = "Deadline of a history read; past it the request is analysed without stored history (default ${DEFAULT-VALUE}).")
    long historyTimeoutMillis;

    @Option(names = "--history-poll-ms", defaultValue = "500",
            description = "How often the in-memory history replica reads encounters recorded by the stream and other gateways (default ${DEFAULT-VALUE}).")
    long historyPollMillis;

    @Option(names = "--history-patients", defaultValue = "1000000",
            description = "Most patients the history replica holds; past it, others are read from ClickHouse (default ${DEFAULT-VALUE}).")
    int historyPatients;

    @Option(names = "--poll-seconds", defaultValue = "30", description = "How often to look for new pack versions; 0 = never (default ${DEFAULT-VALUE}).")
    long pollSeconds;

    @Override
    public Integer call() throws Exception {
        InstitutionRegistry registry = InstitutionRegistry.load(institutions);
        ActiveEngine engines = ActiveEngine.load(packs.locations(), Clock.systemUTC());
        ClickHouseStore store = ClickHouseConnection.openMigrated();
        GatewayAssembly.Options options = new GatewayAssembly.Options(Duration.ofDays(historyDays), historyTimeoutMillis,
                historyPatients, historyPollMillis, GatewayAssembly.Options.WRITE_BEHIND_MILLIS, admdvs, true);
        GatewayServer.Settings settings = new GatewayServer.Settings(host, port, threads, maxBodyBytes, 60_000);
        GatewayAssembly gateway = GatewayAssembly.start(engines, store, registry, settings, options);
        engines.startPolling(pollSeconds);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception e) {
                System.err.println("fundwatch serve: shutdown: " + e.getMessage());
            }
            engines.close();
            store.close();
        }, "gateway-shutdown"));
        System.err.printf("fundwatch serve: listening on %s:%d (POST /fsi/api), %d institution(s), rules %s%n", host,
                gateway.port(), registry.size(), engines);
        gateway.server().join();
        return 0;
    }
}
