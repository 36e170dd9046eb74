package org.fundwatch.clickhouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The ClickHouse this process should use: the external server named by {@code FUNDWATCH_CLICKHOUSE_URL}
 * when that is set, otherwise the project-local server in a directory ({@code var/clickhouse}).
 * Commands, tests and other modules go through here so that they all honour the variable the same way:
 * for an external server {@link #start} only checks that it answers and {@link #stop} touches nothing.
 */
public final class ClickHouseEnvironment {

    private final Map<String, String> env;
    private final Path varDir;
    private final LocalClickHouse local;

    /** @param env the environment (normally {@code System.getenv()}) */
    public ClickHouseEnvironment(Map<String, String> env, Path varDir, LocalClickHouse local) {
        this.env = Map.copyOf(env);
        this.varDir = varDir;
        this.local = local;
    }

    /** The process environment, the local server under {@code var/clickhouse} of the working directory. */
    public static ClickHouseEnvironment fromSystem() {
        return new ClickHouseEnvironment(System.getenv(), LocalClickHouse.defaultVarDir(), new LocalClickHouse());
    }

    /** {@code true} when {@code FUNDWATCH_CLICKHOUSE_URL} selects another server. */
    public boolean external() {
        return ClickHouseConfig.isExternal(env);
    }

    public Path varDir() {
        return varDir;
    }

    public LocalClickHouse local() {
        return local;
    }

    /**
     * Makes sure a server is there and returns how to reach it: starts (or reuses) the local one, or checks
     * that the external one answers.
     */
    public Started start(Duration timeout) {
        if (external()) {
            ClickHouseConfig config = ClickHouseConfig.fromEnvironment(env);
            try (ClickHouseStore store = ClickHouseStore.open(config)) {
                if (!store.ping()) {
                    throw new IllegalStateException("The ClickHouse at " + config.url() + " (" + ClickHouseConfig.ENV_URL
                            + ") does not answer /ping. Check the URL, or unset the variable to use the local server.");
                }
            }
            return new Started(config, false, null);
        }
        LocalServer server = local.start(varDir, timeout);
        return new Started(server.config(env), server.startedNow(), server);
    }

    /**
     * Stops the local server. Does nothing for an external one.
     *
     * @return {@code true} when a local server was running and is stopped now
     */
    public boolean stop() {
        return !external() && local.stop(varDir);
    }

    /** How to reach the server if one is configured or running, without starting anything. */
    public Optional<ClickHouseConfig> currentConfig() {
        if (external()) {
            return Optional.of(ClickHouseConfig.fromEnvironment(env));
        }
        LocalServer server = local.status(varDir);
        return server.running() && server.httpPort() > 0 ? Optional.of(server.config(env)) : Optional.empty();
    }

    /** The local server's state; empty for an external server. */
    public Optional<LocalServer> localStatus() {
        return external() ? Optional.empty() : Optional.of(local.status(varDir));
    }

    /**
     * The outcome of {@link #start}.
     *
     * @param config     how to connect
     * @param startedNow {@code true} when a local server was started by this call (so the caller may stop it)
     * @param local      the local server, {@code null} for an external one
     */
    public record Started(ClickHouseConfig config, boolean startedNow, LocalServer local) {
    }
}
