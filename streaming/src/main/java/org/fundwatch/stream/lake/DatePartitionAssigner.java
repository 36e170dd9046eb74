package org.fundwatch.stream.lake;

import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts a record into the Hive-style partition {@code dt=YYYY-MM-DD} of its own date
 * ({@link LakeRecord#partitionDate()}) — not of the processing time, so late and replayed records land in the right
 * day and Spark prunes partitions by {@code dt}.
 *
 * @param <T> the record type
 */
public final class DatePartitionAssigner<T extends LakeRecord> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T element, Context context) {
        return "dt=" + DateTimeFormatter.ISO_LOCAL_DATE.format(element.partitionDate());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DatePartitionAssigner(dt=YYYY-MM-DD)";
    }
}
