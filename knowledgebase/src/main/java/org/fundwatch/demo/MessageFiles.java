package org.fundwatch.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a directory of national message files ({@code *.jsonl}, one envelope per line) in file-name order,
 * which for the generator's {@code yyyy-MM-dd.jsonl} files is time order. Lines are handed over as raw
 * bytes so that encoding problems (GBK) are judged by the parser, not hidden by the reader.
 */
final class MessageFiles {
    private MessageFiles() {
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no message directory " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Calls {@code consumer} for every non-blank line of every file, in order. */
    static void forEachLine(List<Path> files, Consumer<MessageLine> consumer) {
        for (Path file : files) {
            String source = file.getFileName().toString();
            // ISO-8859-1 maps every byte to one char, so getBytes gives back the exact original bytes.
            try (BufferedReader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                long lineNo = 0;
                for (String line; (line = reader.readLine()) != null; ) {
                    lineNo++;
                    if (!line.isBlank()) {
                        consumer.accept(new MessageLine(source, lineNo,
                                line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
