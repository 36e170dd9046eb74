package org.fundwatch.clickhouse;

/** A ClickHouse call failed; the message names the statement (shortened) and the server's error. */
public class ClickHouseStoreException extends RuntimeException {

    public ClickHouseStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClickHouseStoreException(String message) {
        super(message);
    }
}
