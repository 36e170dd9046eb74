package org.fundwatch.clickhouse;

/** Shorthand for {@link IntegrationServer} in this module's tests. */
final class TestClickHouse {

    private TestClickHouse() {
    }

    static ClickHouseConfig config() {
        return IntegrationServer.config();
    }

    static ClickHouseConfig freshDatabase() {
        return IntegrationServer.freshDatabase();
    }

    static void drop(ClickHouseStore store) {
        IntegrationServer.drop(store);
    }
}
