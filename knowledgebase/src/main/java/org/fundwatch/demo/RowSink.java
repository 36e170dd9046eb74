package org.fundwatch.demo;

import java.util.Map;

/** Where the loader's rows go: one call per row, named by table; {@link #flush()} at the end. */
interface RowSink extends AutoCloseable {
    void add(String table, Map<String, Object> row);

    void flush();

    @Override
    default void close() {
        flush();
    }
}
