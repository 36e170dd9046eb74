package org.fundwatch.clickhouse;

import com.clickhouse.client.api.command.CommandSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a ClickHouse database to the schema in the migration files, idempotently.
 *
 * <p>Applied migrations are recorded in {@code <database>.schema_migrations} (version, name, checksum,
 * applied_at). A run first checks every applied migration's checksum against its file and refuses to do
 * anything if one changed: an applied migration is history, a change goes into a new file. Then it runs
 * the pending files in version order, statement by statement, and records each file after its last
 * statement succeeded.
 *
 * <p>ClickHouse has no transactional DDL, so a file that fails halfway is re-run from its start next time:
 * every statement must be idempotent ({@code CREATE TABLE IF NOT EXISTS}, …), which also makes concurrent
 * runs from two processes harmless ({@code schema_migrations} is a ReplacingMergeTree keyed by version).
 */
public final class Migrations {

    /** The bookkeeping table, created before any migration runs. */
    public static final String TABLE = "schema_migrations";

    private final ClickHouseStore store;
    private final List<Migration> migrations;

    public Migrations(ClickHouseStore store, List<Migration> migrations) {
        this.store = store;
        this.migrations = List.copyOf(migrations);
    }

    /** Fundwatch's own schema ({@link MigrationLoader#bundled()}). */
    public static Migrations bundled(ClickHouseStore store) {
        return new Migrations(store, MigrationLoader.bundled());
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Applies every pending migration.
     *
     * @return what was applied now and what had been applied before
     * @throws MigrationException when an applied migration's file changed, or a statement fails (naming the
     *                            file and the statement)
     */
    public Result migrate() {
        bootstrap();
        Map<Integer, AppliedMigration> applied = appliedByVersion();
        verify(applied);
        List<Migration> appliedNow = new ArrayList<>();
        List<Migration> alreadyApplied = new ArrayList<>();
        for (Migration migration : migrations) {
            if (applied.containsKey(migration.version())) {
                alreadyApplied.add(migration);
                continue;
            }
            apply(migration);
            appliedNow.add(migration);
        }
        return new Result(appliedNow, alreadyApplied);
    }

    /**
     * The migrations recorded in the database, by version; empty when the database or table does not exist.
     */
    public List<AppliedMigration> applied() {
        boolean exists = !store.queryJsonEachRow("SELECT name FROM system.tables WHERE database = '"
                + store.database() + "' AND name = '" + TABLE + "'").isEmpty();
        return exists ? List.copyOf(appliedByVersion().values()) : List.of();
    }

    /** The migration files not yet recorded in the database. */
    public List<Migration> pending() {
        Map<Integer, AppliedMigration> applied = new LinkedHashMap<>();
        for (AppliedMigration a : applied()) {
            applied.put(a.version(), a);
        }
        return migrations.stream().filter(m -> !applied.containsKey(m.version())).toList();
    }

    private void bootstrap() {
        // The client has no default database, and this must work before the database exists.
        store.execute("CREATE DATABASE IF NOT EXISTS " + store.database(), new CommandSettings());
        store.execute("CREATE TABLE IF NOT EXISTS " + store.table(TABLE) + " (\n"
                + "    version UInt32,\n"
                + "    name String,\n"
                + "    checksum String,\n"
                + "    applied_at DateTime('Asia/Shanghai')\n"
                + ") ENGINE = ReplacingMergeTree ORDER BY version");
    }

    private Map<Integer, AppliedMigration> appliedByVersion() {
        Map<Integer, AppliedMigration> applied = new LinkedHashMap<>();
        for (Map<String, Object> row : store.queryJsonEachRow("SELECT version, name, checksum, "
                + "toUInt32(applied_at) AS applied_epoch FROM " + store.table(TABLE) + " FINAL ORDER BY version")) {
            int version = ((Number) row.get("version")).intValue();
            applied.put(version, new AppliedMigration(version, (String) row.get("name"), (String) row.get("checksum"),
                    Instant.ofEpochSecond(((Number) row.get("applied_epoch")).longValue())));
        }
        return applied;
    }

    private void verify(Map<Integer, AppliedMigration> applied) {
        for (Migration migration : migrations) {
            AppliedMigration done = applied.get(migration.version());
            if (done != null && !done.checksum().equals(migration.checksum())) {
                throw new MigrationException("Migration " + migration.fileName() + " was changed after it was applied to "
                        + store.database() + " on " + done.appliedAt() + " (recorded checksum " + done.checksum()
                        + ", file now " + migration.checksum() + "). Applied migrations must not change: restore the "
                        + "file and put the change into a new migration V" + nextVersion() + "__<name>.sql.");
            }
        }
    }

    private int nextVersion() {
        return migrations.stream().mapToInt(Migration::version).max().orElse(0) + 1;
    }

    private void apply(Migration migration) {
        List<String> statements = migration.statements(store.database());
        for (int i = 0; i < statements.size(); i++) {
            try {
                store.execute(statements.get(i));
            } catch (ClickHouseStoreException e) {
                throw new MigrationException("Migration " + migration.fileName() + " failed at statement " + (i + 1)
                        + " of " + statements.size() + ": " + e.getMessage(), e);
            }
        }
        store.insertJsonEachRow(TABLE, List.of(Map.of(
                "version", migration.version(),
                "name", migration.name(),
                "checksum", migration.checksum(),
                "applied_at", Instant.now())));
    }

    /**
     * The outcome of {@link #migrate()}.
     *
     * @param appliedNow     the migrations this run applied, in order
     * @param alreadyApplied the migrations found applied before
     */
    public record Result(List<Migration> appliedNow, List<Migration> alreadyApplied) {
    }
}
