/**
 * Settled records to a Parquet lake partitioned by date, for the Spark batch jobs.
 *
 * <p>Layout: {@code <lake>/fee_lines/dt=YYYY-MM-DD/part-<uuid>-<subtask>-<n>.parquet} and
 * {@code <lake>/settlements/dt=YYYY-MM-DD/…}, {@code dt} being the record's own date in Asia/Shanghai (fee time for a
 * fee line, settlement time for a settlement). Files are written by Flink's {@code FileSink} in bulk format and rolled
 * on every checkpoint: a file becomes visible (loses its {@code .inprogress} name) only when the checkpoint that
 * covers it completes, so the lake holds every settled record exactly once.
 *
 * <p>Columns keep the national field names (the lake is a boundary). Money is {@code DECIMAL(18,2)}, quantities and
 * unit prices {@code DECIMAL(18,6)}, both stored as INT64 — never floating point. Times are
 * {@code TIMESTAMP(MICROS, isAdjustedToUTC=true)}: the Asia/Shanghai local times of the messages converted to
 * instants, so every reader gets the same moment whatever its own time zone.
 *
 * <p>Why parquet-hadoop directly and not flink-parquet: flink-parquet is not published for Flink 2.2.1, and its
 * writer is a thin adapter ({@link org.fundwatch.stream.lake.ParquetLakeWriterFactory} is the same ~100 lines) over
 * parquet-hadoop's {@code ParquetWriter}. A schema-first {@link org.apache.parquet.hadoop.api.WriteSupport}
 * ({@link org.fundwatch.stream.lake.LakeSchema}) gives exact control of the logical types without Avro or Flink's
 * table types on the classpath.
 */
package org.fundwatch.stream.lake;
