package org.fundwatch.stream.lake;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Flink bulk-writer factory writing one Parquet file per part file, with the columns of a {@link LakeSchema}.
 * Snappy-compressed (Spark's default, fast to read); one row group per part file in practice, since files roll on
 * every checkpoint. Uses parquet's plain configuration and {@link SnappyCodecFactory}, so no Hadoop configuration is
 * ever created: Hadoop's classes are linked against but its runtime dependencies are not needed.
 *
 * @param <T> the record type
 */
public final class ParquetLakeWriterFactory<T> implements BulkWriter.Factory<T> {
    private static final long serialVersionUID = 1L;

    private final LakeSchema<T> schema;
    private final CompressionCodecName codec;

    /** A Snappy-compressed writer of {@code schema}. */
    public ParquetLakeWriterFactory(LakeSchema<T> schema) {
        this(schema, CompressionCodecName.SNAPPY);
    }

    /** A writer of {@code schema} with {@code codec} ({@code SNAPPY} or {@code UNCOMPRESSED}). */
    public ParquetLakeWriterFactory(LakeSchema<T> schema, CompressionCodecName codec) {
        this.schema = schema;
        this.codec = codec;
    }

    @Override
    public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
        ParquetWriter<T> writer = new Builder<>(new StreamOutputFile(out), schema)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec)
                .withCodecFactory(new SnappyCodecFactory())
                .build();
        return new ParquetLakeBulkWriter<>(writer);
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final LakeSchema<T> schema;

        Builder(OutputFile file, LakeSchema<T> schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support();
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support();
        }

        private WriteSupport<T> support() {
            return new LakeWriteSupport<>(schema, Map.of("fundwatch.table", schema.table()));
        }
    }

    /** Adapts a ParquetWriter to Flink's BulkWriter. */
    private static final class ParquetLakeBulkWriter<T> implements BulkWriter<T> {
        private final ParquetWriter<T> writer;

        ParquetLakeBulkWriter(ParquetWriter<T> writer) {
            this.writer = writer;
        }

        @Override
        public void addElement(T element) throws IOException {
            writer.write(element);
        }

        /** Parquet cannot flush part of a row group; rows become durable when the file is finished. */
        @Override
        public void flush() {
        }

        @Override
        public void finish() throws IOException {
            writer.close(); // writes the footer; the stream stays open for the sink
        }
    }
}
