package org.fundwatch.stream.lake;

import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The lake's Flink sinks. {@code lake} is any Flink file-system URI ({@code file:///data/lake}, {@code s3://…},
 * {@code hdfs://…}; the last two need the matching Flink file-system plugin).
 *
 * <pre>{@code
 * feeLineRecords.sinkTo(LakeSinks.feeLines("file:///data/fundwatch/lake")).name("lake-fee-lines");
 * settlementRecords.sinkTo(LakeSinks.settlements("file:///data/fundwatch/lake")).name("lake-settlements");
 * }</pre>
 *
 * Requires checkpointing: files roll on every checkpoint and are committed when it completes (exactly once); without
 * checkpoints they stay in-progress and invisible until end of input.
 */
public final class LakeSinks {
    /** Table folder of fee lines under the lake root. */
    public static final String FEE_LINES = "fee_lines";
    /** Table folder of settlements under the lake root. */
    public static final String SETTLEMENTS = "settlements";

    private LakeSinks() {
    }

    /** Fee lines to {@code <lake>/fee_lines/dt=YYYY-MM-DD/part-….parquet}. */
    public static FileSink<FeeLineRecord> feeLines(String lake) {
        return table(new Path(lake, FEE_LINES), FeeLineRecord.SCHEMA);
    }

    /** Settlements to {@code <lake>/settlements/dt=YYYY-MM-DD/part-….parquet}. */
    public static FileSink<SettlementRecord> settlements(String lake) {
        return table(new Path(lake, SETTLEMENTS), SettlementRecord.SCHEMA);
    }

    /** A date-partitioned Parquet table of {@code schema} at {@code directory}. */
    public static <T extends LakeRecord> FileSink<T> table(Path directory, LakeSchema<T> schema) {
        return FileSink.forBulkFormat(directory, new ParquetLakeWriterFactory<>(schema))
                .withBucketAssigner(new DatePartitionAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
    }
}
