package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where warnings that were given up on go, with the reason. Implementations are thread-safe. */
public interface UndeliverableLog extends AutoCloseable {

    /** Records one undeliverable warning. */
    void record(UndeliverableWarning warning);

    @Override
    default void close() throws IOException {
    }

    /** Logs at ERROR through slf4j only. */
    static UndeliverableLog logging() {
        Logger log = LoggerFactory.getLogger(UndeliverableLog.class);
        return w -> log.error("undeliverable warning {} for {} ({}): {} after {} attempt(s)", w.warning().alertId(),
                w.institutionCode(), w.url(), w.reason(), w.attempts());
    }

    /** Appends one JSON line per warning to {@code file} (created with its parent directories) and logs it. */
    static UndeliverableLog jsonLines(Path file) throws IOException {
        return new JsonLines(file);
    }

    /** The JSON-lines implementation. */
    final class JsonLines implements UndeliverableLog {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final UndeliverableLog logging = logging();
        private final BufferedWriter out;

        private JsonLines(Path file) throws IOException {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        @Override
        public synchronized void record(UndeliverableWarning warning) {
            logging.record(warning);
            try {
                out.write(JSON.writeValueAsString(warning));
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the undeliverable-warnings log", e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
