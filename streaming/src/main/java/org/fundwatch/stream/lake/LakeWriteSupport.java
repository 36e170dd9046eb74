package org.fundwatch.stream.lake;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes records of a {@link LakeSchema} through parquet-hadoop. */
final class LakeWriteSupport<T> extends WriteSupport<T> {
    private final LakeSchema<T> schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    LakeWriteSupport(LakeSchema<T> schema, Map<String, String> metadata) {
        this.schema = schema;
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema.messageType(), metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema.messageType(), metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(T record) {
        schema.write(record, consumer);
    }

    @Override
    public String getName() {
        return "fundwatch-lake";
    }
}
