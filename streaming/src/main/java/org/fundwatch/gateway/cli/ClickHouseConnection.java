package org.fundwatch.gateway.cli;

import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.Migrations;

/** Opens the configured ClickHouse (FUNDWATCH_CLICKHOUSE_URL or the local server) and applies the bundled migrations. */
final class ClickHouseConnection {
    private ClickHouseConnection() {
    }

    /** The configured server: FUNDWATCH_CLICKHOUSE_URL, else the running local one. */
    static ClickHouseConfig config() {
        return ClickHouseEnvironment.fromSystem().currentConfig().orElseThrow(() -> new IllegalStateException(
                "no ClickHouse: start the local one with `fundwatch clickhouse start` or set " + ClickHouseConfig.ENV_URL));
    }

    static ClickHouseStore openMigrated() {
        return openMigrated(config());
    }

    static ClickHouseStore openMigrated(ClickHouseConfig config) {
        ClickHouseStore store = ClickHouseStore.open(config);
        if (!store.ping()) {
            store.close();
            throw new IllegalStateException("ClickHouse at " + config.url() + " does not answer /ping; start it with "
                    + "`fundwatch clickhouse start` or fix " + ClickHouseConfig.ENV_URL);
        }
        Migrations.bundled(store).migrate();
        return store;
    }
}
