package org.fundwatch.gateway;

import java.time.Clock;
import java.time.Duration;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.history.ReplicatedPatientHistoryStore;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.history.PatientHistoryStore;

/**
 * Wires a running gateway: ClickHouse-backed patient history (cache → write-behind → table), the warning log and
 * feedback store, the {@link NationalGateway} and its {@link GatewayServer}. Used by {@code fundwatch serve},
 * {@code fundwatch bench gateway} and the integration tests, so they all run the same assembly.
 */
public final class GatewayAssembly implements AutoCloseable {
    private final NationalGateway gateway;
    private final GatewayServer server;

    /** The gateway's tunables (the HTTP layer's are in {@link GatewayServer.Settings}). */
    public record Options(Duration historyWindow, long historyTimeoutMillis, int historyPatients, long historyPollMillis,
                          long flushMillis, String receiverAdmdvs, boolean accessLog) {
        /**
         * Write-behind interval of history and warnings. Each flush is one ClickHouse insert, i.e. one new part:
         * at 200 ms the parts the gateway created kept the server merging and point reads of patient_history took
         * 50–100 ms (p50 76 ms at 100 req/s); at 1 s p50 is 13 ms (bench gateway --rate 100, idle 2-core machine).
         */
        public static final long WRITE_BEHIND_MILLIS = 1_000;

        /** How often the history replica reads rows other processes recorded: the stream's settlements reach 3101s within it. */
        public static final long HISTORY_POLL_MILLIS = 500;
        /** Patients the history replica holds before newcomers are read from ClickHouse (~10 KB each). */
        public static final int HISTORY_PATIENTS = 1_000_000;

        /** 180 days of history replicated in memory (1,000,000 patients, polled every 500 ms), 100 ms deadline for reads the replica cannot answer, 1 s write-behind. */
        public static Options defaults() {
            return new Options(Duration.ofDays(180), 100, HISTORY_PATIENTS, HISTORY_POLL_MILLIS, WRITE_BEHIND_MILLIS,
                    "000000", true);
        }

        public Options withAccessLog(boolean on) {
            return new Options(historyWindow, historyTimeoutMillis, historyPatients, historyPollMillis, flushMillis,
                    receiverAdmdvs, on);
        }
    }

    private GatewayAssembly(NationalGateway gateway, GatewayServer server) {
        this.gateway = gateway;
        this.server = server;
    }

    /** Builds and starts the gateway on {@code settings}' host and port. */
    public static GatewayAssembly start(ActiveEngine engines, ClickHouseStore store, InstitutionRegistry institutions,
                                        GatewayServer.Settings settings, Options options) throws Exception {
        // Each gateway process tags its rows with its own source, so its replica's polls leave them out.
        String source = "gateway:" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ClickHousePatientHistoryStore table = new ClickHousePatientHistoryStore(store, source);
        ReplicatedPatientHistoryStore history = new ReplicatedPatientHistoryStore(store,
                new WriteBehindHistoryStore(table, 100_000, options.flushMillis()), table, options.historyWindow(),
                options.historyPatients(), options.historyPollMillis(), source);
        history.start();
        NationalGateway gateway = NationalGateway.builder(engines)
                .history(history, options.historyWindow(), options.historyTimeoutMillis())
                .warnings(new WarningLog(store, 200_000, options.flushMillis()), new FeedbackStore(store))
                .receiverAdmdvs(options.receiverAdmdvs())
                .accessLog(options.accessLog())
                .build();
        GatewayServer server = new GatewayServer(settings, gateway, new Authenticator(institutions, Clock.systemUTC()));
        try {
            server.start();
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        return new GatewayAssembly(gateway, server);
    }

    public NationalGateway gateway() {
        return gateway;
    }

    public GatewayServer server() {
        return server;
    }

    /** The port listened on. */
    public int port() {
        return server.port();
    }

    /** Stops accepting, then flushes history and warnings. */
    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            gateway.flush();
            gateway.close();
        }
    }
}
