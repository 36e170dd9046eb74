package org.fundwatch.message.harness;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurement harness (not a test; docs/harness.md): the floor of parsing, Jackson's tokenizer alone — every token of
 * every message, then every token and each scalar's text — in CPU µs per message, best of 15 rounds ("Tok" in
 * docs/streaming.md, session 15).
 *
 * <p>Argument: a file of messages (one per line, e.g. a generated day).
 */
public final class TokenizerFloor {
    private TokenizerFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            byte[] m = line.getBytes(StandardCharsets.UTF_8);
            messages.add(m);
            bytes += m.length;
        }
        JsonFactory factory = new JsonFactory();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (boolean text : new boolean[] {false, true}) {
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 15; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (byte[] m : messages) {
                    try (JsonParser p = factory.createParser(m)) {
                        JsonToken t;
                        while ((t = p.nextToken()) != null) {
                            sink += text && t.isScalarValue() ? p.getText().length() : 1;
                        }
                    }
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e3 / messages.size());
            }
            System.out.printf("%s: best %.2f µs per message%n", text ? "tokens and scalar texts" : "tokens", best);
        }
        System.out.printf("%,d messages, %,d bytes on average (%d)%n", messages.size(), bytes / messages.size(), sink);
    }
}
