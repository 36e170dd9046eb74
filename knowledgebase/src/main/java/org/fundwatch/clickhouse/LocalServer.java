package org.fundwatch.clickhouse;

import java.nio.file.Path;
import java.util.Map;

/**
 * The state of a project-local ClickHouse, as {@link LocalClickHouse#start} or {@link LocalClickHouse#status}
 * found it.
 *
 * @param varDir     the server's directory (config, data, logs)
 * @param running    a ClickHouse process from this directory is alive
 * @param healthy    it answers {@code /ping}
 * @param pid        its process id, {@code -1} when not running
 * @param httpPort   the recorded HTTP port, {@code -1} when never started
 * @param tcpPort    the recorded native-protocol port (for {@code clickhouse-client --port}), {@code -1} if none
 * @param startedNow {@code true} when this call started it, {@code false} when it was running already
 * @param logFile    the server log to read when something is wrong
 */
public record LocalServer(Path varDir, boolean running, boolean healthy, long pid, int httpPort, int tcpPort,
                          boolean startedNow, Path logFile) {

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The connection settings for this server; the database may still come from the environment. */
    public ClickHouseConfig config(Map<String, String> env) {
        if (httpPort <= 0) {
            throw new IllegalStateException("The local ClickHouse in " + varDir + " has never been started");
        }
        return ClickHouseConfig.local(httpPort, env);
    }
}
