package org.fundwatch.clickhouse;

import java.time.Instant;

/**
 * A row of {@code schema_migrations}: a migration that has been applied to the database.
 *
 * @param version   the migration's number
 * @param name      its name
 * @param checksum  the SHA-256 of its file at the time it was applied
 * @param appliedAt when it was applied
 */
public record AppliedMigration(int version, String name, String checksum, Instant appliedAt) {
}
