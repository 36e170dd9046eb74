package org.fundwatch.clickhouse;

import com.fasterxml.jackson.databind.MappingIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of one {@code FORMAT JSONEachRow} result, read one at a time from the HTTP response.
 * Close it (try-with-resources) to release the connection, also when not read to the end.
 */
public final class JsonRowStream implements Iterator<Map<String, Object>>, AutoCloseable {

    private final MappingIterator<Map<String, Object>> rows;
    private final AutoCloseable response;
    private final String sql;

    JsonRowStream(MappingIterator<Map<String, Object>> rows, AutoCloseable response, String sql) {
        this.rows = rows;
        this.response = response;
        this.sql = sql;
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNextValue();
        } catch (IOException e) {
            throw new ClickHouseStoreException("Reading the result of " + ClickHouseStore.shorten(sql) + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            return rows.nextValue();
        } catch (IOException e) {
            throw new ClickHouseStoreException("Reading the result of " + ClickHouseStore.shorten(sql) + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
            response.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new ClickHouseStoreException("Closing the result of " + ClickHouseStore.shorten(sql) + " failed", e);
        }
    }
}
