package org.fundwatch.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataGeneratorTest {
    @TempDir
    static Path tmp;
    static Path pack;
    static Path run;
    static GenerationSummary summary;

    @BeforeAll
    static void setUp() throws IOException {
        pack = GeneratorFixture.buildPack(tmp.resolve("kb"));
        run = tmp.resolve("run-a");
        summary = GeneratorFixture.generate(pack, run, 42, 60, 3000, 0.03);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesAndOtherSeedDiffers() throws IOException {
        Path again = tmp.resolve("run-b");
        GeneratorFixture.generate(pack, again, 42, 60, 3000, 0.03);
        List<Path> a = files(run);
        List<Path> b = files(again);
        assertEquals(a.stream().map(p -> run.relativize(p).toString()).toList(),
                b.stream().map(p -> again.relativize(p).toString()).toList());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        Path other = tmp.resolve("run-c");
        GeneratorFixture.generate(pack, other, 43, 60, 3000, 0.03);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(run.resolve("messages/2025-06-10.jsonl")),
                Files.readAllBytes(other.resolve("messages/2025-06-10.jsonl"))));
    }

    @Test
    void everyLineIsJsonWithInfnoAndTimeOrderedWithinItsDay() throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("messages"))) {
            for (Path f : s.sorted().toList()) {
                String day = f.getFileName().toString().substring(0, 10);
                String previous = "";
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = GeneratorFixture.JSON.readTree(line);
                    assertTrue(n.hasNonNull("infno"), line);
                    String t = n.get("inf_time").asText();
                    assertTrue(t.startsWith(day), t + " in " + f);
                    assertTrue(t.compareTo(previous) >= 0, "not time-ordered: " + t + " after " + previous);
                    previous = t;
                }
            }
        }
    }

    @Test
    void countsMatchSummaryJson() throws IOException {
        Map<String, Long> byType = new TreeMap<>();
        long feeLines = 0;
        for (JsonNode n : GeneratorFixture.messages(run)) {
            byType.merge(n.get("infno").asText(), 1L, Long::sum);
            if (n.path("input").has("feedetail")) {
                feeLines += n.get("input").get("feedetail").size();
            }
        }
        JsonNode s = GeneratorFixture.JSON.readTree(run.resolve("summary.json").toFile());
        Map<String, Long> declared = new TreeMap<>();
        s.get("messages_by_type").fields().forEachRemaining(e -> declared.put(e.getKey(), e.getValue().asLong()));
        assertEquals(byType, declared);
        assertEquals(feeLines, s.get("fee_lines").asLong());
        long messages = byType.values().stream().mapToLong(Long::longValue).sum();
        long uploads = byType.getOrDefault("2204", 0L) + byType.getOrDefault("2301", 0L);
        assertEquals(messages - uploads + feeLines, s.get("records").asLong());
        assertEquals(42, s.get("seed").asLong());

        List<JsonNode> truth = GeneratorFixture.lines(run.resolve("ground-truth.jsonl"));
        Map<String, Long> kinds = new TreeMap<>();
        for (JsonNode t : truth) {
            kinds.merge(t.get("kind").asText(), 1L, Long::sum);
        }
        Map<String, Long> declaredKinds = new TreeMap<>();
        s.get("anomalies_by_kind").fields().forEachRemaining(e -> declaredKinds.put(e.getKey(), e.getValue().asLong()));
        assertEquals(kinds, declaredKinds);
        assertEquals(3000, GeneratorFixture.lines(run.resolve("persons.jsonl")).size());
    }

    @Test
    void everyAnomalyKindIsInjected() throws IOException {
        List<String> missing = new ArrayList<>();
        for (AnomalyKind k : AnomalyKind.values()) {
            if (!summary.casesByKind().containsKey(k.label())) {
                missing.add(k.label());
            }
        }
        assertEquals(List.of(), missing, "skipped: " + summary.skippedByKind());
    }

    @Test
    void proportionsAreRealistic() {
        Map<String, Long> k = summary.encountersByKind();
        long outpatient = k.getOrDefault("OUTPATIENT", 0L) + k.getOrDefault("CHRONIC", 0L) + k.getOrDefault("INTERNET", 0L);
        long inpatient = k.getOrDefault("INPATIENT", 0L);
        long pharmacy = k.getOrDefault("PHARMACY", 0L);
        assertTrue(inpatient > 0, k.toString());
        assertTrue(outpatient > 8 * inpatient, k.toString());
        assertTrue(k.getOrDefault("CHRONIC", 0L) > 0 && k.getOrDefault("INTERNET", 0L) > 0 && pharmacy > 0, k.toString());
        assertTrue(summary.messagesByType().containsKey("3101"), summary.messagesByType().toString());
    }
}
