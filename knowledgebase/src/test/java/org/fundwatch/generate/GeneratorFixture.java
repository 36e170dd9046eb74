package org.fundwatch.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fundwatch.pack.PackBuilder;

/** Test fixture: builds a real knowledge pack from the shared reference and runs the generator on it. */
final class GeneratorFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    private GeneratorFixture() {
    }

    /** {@code <shared>/reference}. */
    static Path reference() {
        return org.fundwatch.testing.SharedReference.reference();
    }

    /** Builds a pack under {@code dir} with a fixed clock and returns its directory. */
    static Path buildPack(Path dir) {
        return new PackBuilder(reference()).version("kb-test")
                .clock(Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), PackBuilder.ZONE))
                .build(dir).dir();
    }

    static GenerationSummary generate(Path pack, Path out, long seed, int days, int patients, double rate)
            throws IOException {
        GeneratorConfig config = GeneratorConfig.of(seed, days, patients, LocalDate.of(2025, 6, 1), rate);
        return new SyntheticDataGenerator(config, CsvGeneratorCatalog.load(pack)).generate(out, null);
    }

    /** Every message line of a run, in file order. */
    static List<JsonNode> messages(Path out) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(out.resolve("messages"))) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                all.add(JSON.readTree(line));
            }
        }
        return all;
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            all.add(JSON.readTree(line));
        }
        return all;
    }
}
