package org.fundwatch.clickhouse;

/** Lets tests in other packages use {@link TestClickHouse}. */
public final class TestClickHouseAccess {

    private TestClickHouseAccess() {
    }

    /** A config for the test server naming a fresh, not yet created database. */
    public static ClickHouseConfig freshDatabase() {
        return TestClickHouse.freshDatabase();
    }
}
