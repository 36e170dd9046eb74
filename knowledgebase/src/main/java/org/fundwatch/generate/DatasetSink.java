package org.fundwatch.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a generation run writes its files. {@link #directory} is the normal layout; {@link #discard}
 * drops every byte (used by the benchmark to measure generation without the disk). Streams are
 * closed by the generator.
 */
public interface DatasetSink {

    /** The stream for {@code messages/<day>.jsonl}. */
    OutputStream messages(LocalDate day) throws IOException;

    /** The stream for {@code persons.jsonl}, {@code ground-truth.jsonl} or {@code summary.json}. */
    OutputStream file(String name) throws IOException;

    /** Files under {@code dir}; earlier {@code messages/*.jsonl} there are deleted first. */
    static DatasetSink directory(Path dir) throws IOException {
        Path messages = dir.resolve("messages");
        Files.createDirectories(messages);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(messages, "*.jsonl")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        return new DatasetSink() {
            @Override
            public OutputStream messages(LocalDate day) throws IOException {
                return new BufferedOutputStream(Files.newOutputStream(messages.resolve(day + ".jsonl")), 1 << 16);
            }

            @Override
            public OutputStream file(String name) throws IOException {
                return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
            }
        };
    }

    /** A sink that discards everything. */
    static DatasetSink discard() {
        return new DatasetSink() {
            @Override
            public OutputStream messages(LocalDate day) {
                return OutputStream.nullOutputStream();
            }

            @Override
            public OutputStream file(String name) {
                return OutputStream.nullOutputStream();
            }
        };
    }
}
