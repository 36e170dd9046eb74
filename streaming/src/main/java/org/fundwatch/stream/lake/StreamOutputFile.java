package org.fundwatch.stream.lake;

import java.io.IOException;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet's {@link OutputFile} over the stream Flink's FileSink hands a bulk writer. Closing the Parquet writer does
 * not close Flink's stream: the sink owns it (it persists and commits the part file on checkpoint).
 */
final class StreamOutputFile implements OutputFile {
    private final FSDataOutputStream out;
    private boolean used;

    StreamOutputFile(FSDataOutputStream out) {
        this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (used) {
            throw new IllegalStateException("the stream of a part file can be opened only once");
        }
        used = true;
        return new PositionOutputStream() {
            @Override
            public long getPos() throws IOException {
                return out.getPos();
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush(); // never close: Flink's FileSink closes and commits the part file
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "flink-file-sink-part";
    }
}
