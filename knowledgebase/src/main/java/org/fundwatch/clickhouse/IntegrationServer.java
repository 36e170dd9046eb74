package org.fundwatch.clickhouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The ClickHouse server integration tests of every module use, in this order: the server named by
 * FUNDWATCH_CLICKHOUSE_URL; the developer's local server at the repository root ({@code ../var/clickhouse} seen from a
 * module) when it is running; otherwise a server of the tests' own under {@code target/clickhouse-it}, installed with
 * apt-get if needed, started once per JVM and stopped when the JVM exits. Each test works in a throw-away database of
 * its own ({@link #freshDatabase()}), so reusing a developer's server never touches the {@code fundwatch} database.
 * Lives in main code so that streaming and batch tests share it without a test-jar.
 */
public final class IntegrationServer {

    private static ClickHouseConfig config;

    private IntegrationServer() {
    }

    /** The server's config (database {@code fundwatch}), starting a server when none is available. */
    public static synchronized ClickHouseConfig config() {
        if (config == null) {
            Map<String, String> env = System.getenv();
            LocalClickHouse local = new LocalClickHouse();
            if (!ClickHouseConfig.isExternal(env)) {
                LocalServer running = local.status(Path.of("..", "var", "clickhouse"));
                if (running.running() && running.healthy()) {
                    config = running.config(Map.of());
                    return config;
                }
            }
            ClickHouseEnvironment environment =
                    new ClickHouseEnvironment(env, Path.of("target", "clickhouse-it"), local);
            ClickHouseEnvironment.Started started = environment.start(Duration.ofSeconds(90));
            if (started.startedNow()) {
                Runtime.getRuntime().addShutdownHook(new Thread(environment::stop, "stop-test-clickhouse"));
            }
            config = started.config();
        }
        return config;
    }

    /** A config naming a fresh database {@code fwtest_<random>} (not created yet; migrations create it). */
    public static ClickHouseConfig freshDatabase() {
        return config().withDatabase("fwtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** Drops the store's database (call when a test is done with it). */
    public static void drop(ClickHouseStore store) {
        store.execute("DROP DATABASE IF EXISTS " + store.database());
    }
}
