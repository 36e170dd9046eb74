package org.fundwatch.stream.lake;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression with snappy-java directly. parquet-hadoop's own codec factory instantiates codecs through a
 * Hadoop {@code Configuration}, which parses Hadoop's XML defaults and so drags in Hadoop's runtime dependencies
 * (woodstox, shaded Guava, commons-collections …). Parquet's SNAPPY pages are raw Snappy blocks, exactly what
 * {@link Snappy#compress(byte[])} produces, so this factory keeps the writer — and the jar — free of that runtime.
 * Supports {@link CompressionCodecName#SNAPPY} and {@link CompressionCodecName#UNCOMPRESSED}.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {
                }
            };
            default -> throw new IllegalArgumentException("lake files use SNAPPY or UNCOMPRESSED, not " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        boolean snappy = switch (codec) {
            case SNAPPY -> true;
            case UNCOMPRESSED -> false;
            default -> throw new IllegalArgumentException("lake files use SNAPPY or UNCOMPRESSED, not " + codec);
        };
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return snappy ? BytesInput.from(Snappy.uncompress(bytes.toByteArray())) : bytes;
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(snappy ? Snappy.uncompress(in) : in);
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }
}
