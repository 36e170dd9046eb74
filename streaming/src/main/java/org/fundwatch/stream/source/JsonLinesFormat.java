package org.fundwatch.stream.source;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.fundwatch.stream.model.SourceLine;

/**
 * Reads {@code *.jsonl} files line by line as raw bytes with their 1-based line number and file path.
 *
 * <p>Lines are counted by a {@link SimpleStreamFormat}: Flink checkpoints such a reader as "records read since the
 * start of the file" and on recovery re-opens the file and skips that many records through the same reader, so the
 * line numbers stay right after a restore. The file path is not visible to a stream format, so this bulk format wraps
 * the adapter and stamps each record with its split's path. Blank lines are skipped (and not counted as records).
 */
public final class JsonLinesFormat implements BulkFormat<SourceLine, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    private final StreamFormatAdapter<SourceLine> lines = new StreamFormatAdapter<>(new Lines());

    @Override
    public Reader<SourceLine> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Tagging(lines.createReader(config, split), split.path().toString());
    }

    @Override
    public Reader<SourceLine> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Tagging(lines.restoreReader(config, split), split.path().toString());
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<SourceLine> getProducedType() {
        return TypeInformation.of(SourceLine.class);
    }

    private record Tagging(Reader<SourceLine> inner, String path) implements Reader<SourceLine> {
        @Override
        public RecordIterator<SourceLine> readBatch() throws IOException {
            RecordIterator<SourceLine> batch = inner.readBatch();
            if (batch == null) {
                return null;
            }
            return new RecordIterator<>() {
                @Override
                public RecordAndPosition<SourceLine> next() {
                    RecordAndPosition<SourceLine> r = batch.next();
                    if (r != null) {
                        r.getRecord().source = path;
                    }
                    return r;
                }

                @Override
                public void releaseBatch() {
                    batch.releaseBatch();
                }
            };
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    /** Splits the byte stream at '\n' (a trailing '\r' is dropped), counting lines. */
    private static final class Lines extends SimpleStreamFormat<SourceLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public StreamFormat.Reader<SourceLine> createReader(Configuration config, FSDataInputStream stream) {
            return new StreamFormat.Reader<>() {
                private final byte[] buffer = new byte[64 * 1024];
                private int pos;
                private int limit;
                private long lineNo;
                private byte[] line = new byte[1024];

                @Override
                public SourceLine read() throws IOException {
                    while (true) {
                        int len = 0;
                        boolean any = false;
                        while (true) {
                            if (pos == limit) {
                                limit = stream.read(buffer, 0, buffer.length);
                                pos = 0;
                                if (limit <= 0) {
                                    limit = 0;
                                    break;
                                }
                            }
                            any = true;
                            int start = pos;
                            while (pos < limit && buffer[pos] != '\n') {
                                pos++;
                            }
                            int n = pos - start;
                            if (len + n > line.length) {
                                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                            }
                            System.arraycopy(buffer, start, line, len, n);
                            len += n;
                            if (pos < limit) {
                                pos++; // the '\n'
                                break;
                            }
                        }
                        if (!any) {
                            return null;
                        }
                        lineNo++;
                        if (len > 0 && line[len - 1] == '\r') {
                            len--;
                        }
                        if (!isBlank(line, len)) {
                            return new SourceLine(null, lineNo, java.util.Arrays.copyOf(line, len));
                        }
                    }
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        private static boolean isBlank(byte[] b, int len) {
            for (int i = 0; i < len; i++) {
                if (b[i] != ' ' && b[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public TypeInformation<SourceLine> getProducedType() {
            return TypeInformation.of(SourceLine.class);
        }
    }
}
