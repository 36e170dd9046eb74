-- Streaming job (org.fundwatch.stream): dead letters of the Flink job. Unlike V001's dead_letters (append-only, the
-- demo loader), rows are keyed by source and position and replace each other, so a replay after a restore from a
-- checkpoint collapses (read with FINAL). Single partition: the key is the identity, received_at is not.
CREATE TABLE IF NOT EXISTS ${database}.stream_dead_letters (
    source String,
    position UInt64,
    reason String,
    payload String,
    received_at DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (source, position);
