package org.fundwatch.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundwatch.clickhouse.ClickHouseStore;

/**
 * Buffers rows per table and inserts them as {@code JSONEachRow} batches of {@value #BATCH} rows — large
 * batches are what ClickHouse wants (each insert makes a part). Counts rows per table.
 */
final class ClickHouseRowSink implements RowSink {
    static final int BATCH = 20_000;

    private final ClickHouseStore store;
    private final Map<String, List<Map<String, Object>>> pending = new LinkedHashMap<>();
    private final Map<String, Long> inserted = new TreeMap<>();

    ClickHouseRowSink(ClickHouseStore store) {
        this.store = store;
    }

    @Override
    public void add(String table, Map<String, Object> row) {
        List<Map<String, Object>> rows = pending.computeIfAbsent(table, t -> new ArrayList<>());
        rows.add(row);
        if (rows.size() >= BATCH) {
            insert(table, rows);
        }
    }

    @Override
    public void flush() {
        pending.forEach(this::insert);
    }

    private void insert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        store.insertJsonEachRow(store.table(table), rows);
        inserted.merge(table, (long) rows.size(), Long::sum);
        rows.clear();
    }

    /** Rows inserted per table so far. */
    Map<String, Long> inserted() {
        return inserted;
    }
}
