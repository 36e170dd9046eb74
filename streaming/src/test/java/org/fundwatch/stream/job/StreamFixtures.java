package org.fundwatch.stream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.PackBuilder;

/** Test fixtures: a knowledge pack built once per JVM, generator output, the national pack source, JSONL readers. */
final class StreamFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    private static Path kbRoot;

    private StreamFixtures() {
    }

    /** A root holding one knowledge pack {@code kb-test}, built once per test JVM (removed at exit). */
    static synchronized Path kbRoot() {
        if (kbRoot == null) {
            try {
                Path root = Files.createTempDirectory("fundwatch-stream-kb-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                new PackBuilder(PackBuilder.defaultSource()).version("kb-test")
                        .clock(Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), PackBuilder.ZONE)).build(root);
                kbRoot = root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kbRoot;
    }

    static Path kbDir() {
        return kbRoot().resolve("kb-test");
    }

    /** Generator output (messages/, persons.jsonl, ground-truth.jsonl) in {@code out}. */
    static Path generate(Path out, int patients, int days) throws IOException {
        GeneratorConfig config = GeneratorConfig.of(7, days, patients, LocalDate.of(2025, 6, 1), 0.05);
        new SyntheticDataGenerator(config, CsvGeneratorCatalog.load(kbDir())).generate(out, null);
        return out;
    }

    /** A bounded run ({@code withOnce}) over the message files under {@code input} with the national pack sources. */
    static StreamConfig onceWithNationalPack(Path input) {
        return StreamConfig.of(input.toString()).withOnce(true)
                .withPacks(null, "national", nationalPack().toString(), kbDir().toString());
    }

    /** {@code rulebase/packs/national} from the streaming module's directory. */
    static Path nationalPack() {
        for (Path p : new Path[] {Path.of("../rulebase/packs/national"), Path.of("rulebase/packs/national")}) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("rulebase/packs/national not found");
    }

    /** Every JSON line of the files under {@code dir} (recursively), e.g. the job's JSONL output. */
    static List<JsonNode> jsonLines(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Ids of the alerts under {@code dir} raised in event-time order (settlement, post, doctor). Alerts of 3101/3102
     * (trigger {@code arrival}) are left out: they depend on the history processed at the instant they arrive.
     */
    static java.util.Set<String> orderedAlertIds(Path dir) throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (JsonNode a : jsonLines(dir)) {
            if (!a.path("trigger").asText().equals("arrival")) {
                ids.add(a.path("alert_id").asText());
            }
        }
        return ids;
    }

    /** The JSON lines of one file. */
    static List<JsonNode> jsonFile(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
