package org.fundwatch.stream.model;

/**
 * One line of an input file, as read: its bytes (not decoded yet: a GBK-configured HIS sends bytes that are not UTF-8,
 * and those must reach the dead letters untouched) and where it came from. Serialized by
 * {@link org.fundwatch.stream.state.SourceLineSerializer}.
 */
@org.apache.flink.api.common.typeinfo.TypeInfo(org.fundwatch.stream.state.SourceLineSerializer.TypeInfoFactory.class)
public final class SourceLine {
    /** The file (path as the source saw it), or {@code kafka:<topic>/<partition>}. */
    public String source;
    /** 1-based line number in the file, or the Kafka offset. */
    public long position;
    public byte[] bytes;

    public SourceLine() {
    }

    public SourceLine(String source, long position, byte[] bytes) {
        this.source = source;
        this.position = position;
        this.bytes = bytes;
    }

    /** {@code source:position}. */
    public String where() {
        return source + ":" + position;
    }
}
