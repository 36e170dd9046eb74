package org.fundwatch.stream.lake;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The columns of one lake table: name, Parquet type and how to read the value from a record. Every column is
 * optional (null values are simply absent), in declaration order.
 *
 * @param <T> the record type
 */
public final class LakeSchema<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A column: its name, type and a serializable getter (null = no value). */
    public record Column<T>(String name, ColumnType type, Getter<T> getter) implements Serializable {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(getter, "getter");
        }
    }

    /** A serializable accessor. */
    @FunctionalInterface
    public interface Getter<T> extends Function<T, Object>, Serializable {
    }

    private final String table;
    private final List<Column<T>> columns;
    private transient MessageType messageType;

    private LakeSchema(String table, List<Column<T>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** A builder for table {@code table} (also the Parquet message name). */
    public static <T> Builder<T> builder(String table) {
        return new Builder<>(table);
    }

    /** The table name. */
    public String table() {
        return table;
    }

    /** The columns in file order. */
    public List<Column<T>> columns() {
        return columns;
    }

    /** The Parquet schema. */
    public MessageType messageType() {
        if (messageType == null) {
            List<Type> fields = new ArrayList<>();
            for (Column<T> c : columns) {
                fields.add(c.type().parquetType(c.name()));
            }
            messageType = new MessageType(table, fields);
        }
        return messageType;
    }

    /** Writes {@code record} as one Parquet row. */
    void write(T record, RecordConsumer consumer) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            Object value = c.getter().apply(record);
            if (value != null) {
                consumer.startField(c.name(), i);
                c.type().write(consumer, value);
                consumer.endField(c.name(), i);
            }
        }
        consumer.endMessage();
    }

    /** Collects columns. */
    public static final class Builder<T> {
        private final String table;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        /** Adds a column. */
        public Builder<T> column(String name, ColumnType type, Getter<T> getter) {
            if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("column " + name + " twice in " + table);
            }
            columns.add(new Column<>(name, type, getter));
            return this;
        }

        /** The schema. */
        public LakeSchema<T> build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException(table + " has no columns");
            }
            return new LakeSchema<>(table, columns);
        }
    }
}
