package org.fundwatch.stream.sink;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.history.MonotonicMicros;

/**
 * Writes rows into ClickHouse tables with JSONEachRow inserts (client-v2 through {@link ClickHouseStore}). Rows are
 * batched and flushed when the batch is full, at every checkpoint ({@code flush} runs before the checkpoint barrier
 * is forwarded) and at the end of input. Delivery is at-least-once; the target tables are ReplacingMergeTree keyed by
 * the deterministic id, so a replay after a restore collapses (read with {@code FINAL}): effectively exactly-once.
 *
 * @param <T> the element type; {@link RowMapper} turns one into rows per table
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** Turns an element into rows, by table name (unqualified). */
    @FunctionalInterface
    public interface RowMapper<T> extends Serializable {
        void rows(T element, Map<String, List<Map<String, Object>>> out);
    }

    /**
     * A row value replaced by the next {@link MonotonicMicros#HISTORY} value when the row is inserted: the version of
     * a {@code patient_history} row is then the time it becomes visible (not when it was buffered, up to a checkpoint
     * interval earlier), so the gateway's replica finds it with a short poll overlap.
     */
    public static final String VERSION_AT_INSERT = "\u0000version-at-insert";

    private final String url;
    private final String user;
    private final String password;
    private final String database;
    private final RowMapper<T> mapper;
    private final int batchSize;

    public ClickHouseSink(ClickHouseConfig config, RowMapper<T> mapper, int batchSize) {
        this.url = config.url();
        this.user = config.user();
        this.password = config.password();
        this.database = config.database();
        this.mapper = mapper;
        this.batchSize = batchSize;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer();
    }

    private final class Writer implements SinkWriter<T> {
        private final ClickHouseStore store =
                ClickHouseStore.open(new ClickHouseConfig(url, user, password, database, true));
        private final Map<String, List<Map<String, Object>>> pending = new LinkedHashMap<>();
        private int count;

        @Override
        public void write(T element, Context context) throws IOException {
            mapper.rows(element, pending);
            if (++count >= batchSize) {
                flush(false);
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            for (Map.Entry<String, List<Map<String, Object>>> e : pending.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    for (Map<String, Object> row : e.getValue()) {
                        if (row.get("version") == VERSION_AT_INSERT) {
                            row.put("version", MonotonicMicros.HISTORY.next());
                        }
                    }
                    store.insertJsonEachRow(e.getKey(), new ArrayList<>(e.getValue()));
                    e.getValue().clear();
                }
            }
            count = 0;
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** Adds {@code row} to {@code table}'s batch. */
    public static void add(Map<String, List<Map<String, Object>>> out, String table, Map<String, Object> row) {
        out.computeIfAbsent(table, k -> new ArrayList<>()).add(row);
    }
}
