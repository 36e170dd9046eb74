package org.fundwatch.clickhouse;

/** A migration cannot be loaded or applied, or the database disagrees with the migration files. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
