package org.fundwatch.clickhouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The ClickHouse the integration tests use, in this order: the server named by FUNDWATCH_CLICKHOUSE_URL;
 * the developer's local server at the repository root ({@code var/clickhouse}) when it is running; otherwise
 * a server of the tests' own under {@code target/clickhouse-it}, installed with apt-get if needed, started
 * once per JVM and stopped when the JVM exits. Each test works in a throw-away database of its own, so
 * reusing a developer's server never touches the {@code fundwatch} database.
 */
final class TestClickHouse {

    private static ClickHouseConfig config;

    private TestClickHouse() {
    }

    static synchronized ClickHouseConfig config() {
        if (config == null) {
            Map<String, String> env = System.getenv();
            LocalClickHouse local = new LocalClickHouse();
            if (!ClickHouseConfig.isExternal(env)) {
                Path developerServer = Path.of("..", "var", "clickhouse");
                LocalServer running = local.status(developerServer);
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

    /** A config naming a fresh database {@code fwtest_<random>} (not created yet). */
    static ClickHouseConfig freshDatabase() {
        return config().withDatabase("fwtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    static void drop(ClickHouseStore store) {
        store.execute("DROP DATABASE IF EXISTS " + store.database());
    }
}
