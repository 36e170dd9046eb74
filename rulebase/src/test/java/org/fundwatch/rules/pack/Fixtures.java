package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackBuilder;

/**
 * Test fixtures: a knowledge pack built once per JVM from the shared reference, and a small rule pack (the national
 * drug-gender rule with one fires and one silent case built from the shared 3101 sample) written into a directory.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KnowledgePack kb;

    private Fixtures() {
    }

    /** {@code <shared>/reference} (see {@link org.fundwatch.pack.PackBuilder#defaultSource()}). */
    public static Path reference() {
        return org.fundwatch.pack.PackBuilder.defaultSource();
    }

    /** A knowledge pack built once per test JVM into a temporary directory removed at exit. */
    public static synchronized KnowledgePack kb() {
        if (kb == null) {
            try {
                Path dir = Files.createTempDirectory("fundwatch-kb-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                PackBuilder.BuiltPack built = new PackBuilder(reference())
                        .clock(Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), PackBuilder.ZONE)).build(dir);
                kb = KnowledgePack.load(built.dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kb;
    }

    /** The shared 3101 sample request. */
    public static ObjectNode sampleRequest() {
        try {
            return (ObjectNode) JSON.readTree(reference().resolve("samples/3101-request.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's patient (male; order RX0001 is a female-only drug) with gender {@code gend}. */
    static String patient(String gend) {
        ObjectNode p = (ObjectNode) sampleRequest().path("input").path("data").path("patient_dtos").get(0).deepCopy();
        p.put("gend", gend);
        return p.toString();
    }

    static final String DRL = """
            // 测试包：药品区分性别使用
            package org.fundwatch.rules.test;

            import org.fundwatch.rules.engine.fact.PatientFact;
            import org.fundwatch.rules.engine.fact.LineFact;

            global org.fundwatch.rules.engine.FindingCollector out;

            rule "drug-gender"
            when
                $p : PatientFact( genderKnown )
                $l : LineFact( current, medicine, genderOnly != null, genderOnly != $p.genderCode )
            then
                out.line($l, "药品编码", $l.getItemCode(), "限定性别", $l.getGenderOnly());
            end
            """;

    static String metadata(String severity, String tables, String extra) {
        return """
                - id: drug-gender
                  code: GZ10000301004000
                  name: 药品区分性别使用
                  tier1: 医疗类
                  tier2: 药品合理使用类
                  phases: [pre, mid, post]
                  severity: %s
                  basis: 《国家医保智能监管两库》知识点：药品区分性别使用
                  tables: %s
                  effective_from: 2024-01-01
                  effective_to: null
                  owner: test-team
                %s""".formatted(severity, tables, extra);
    }

    /** The test cases: male patient fires; the silent case uses {@code silentGender} (a male one makes it fail). */
    static String tests(String silentGender) {
        return """
                - name: 男性患者使用女性专用药
                  phase: pre
                  given: %s
                  expect: { fires: true, line_ids: [RX0001] }
                - name: 女性患者
                  phase: pre
                  given: %s
                  expect: { fires: false }
                """.formatted(patient("1"), patient(silentGender));
    }

    /** Writes a valid one-rule pack {@code test/<version>} into {@code dir}; returns {@code dir}. */
    public static Path writePack(Path dir, String version) {
        return writePack(dir, version, DRL, metadata("明确违规", "[drug_gender]", ""), tests("2"));
    }

    /** Writes a pack with the given DRL, metadata and test file contents. */
    public static Path writePack(Path dir, String version, String drl, String metadata, String tests) {
        write(dir.resolve("pack.yaml"), """
                name: test
                version: %s
                description: 测试规则包
                owner: test-team
                kb_compatible: ["kb-*"]
                """.formatted(version));
        write(dir.resolve("rules/drug.drl"), drl);
        write(dir.resolve("rules/drug.rules.yaml"), metadata);
        if (tests != null) {
            write(dir.resolve("tests/drug-gender.yaml"), tests);
        }
        return dir;
    }

    /** A pack whose silent case fires (so one test fails). */
    public static Path writeFailingPack(Path dir, String version) {
        return writePack(dir, version, DRL, metadata("明确违规", "[drug_gender]", ""), tests("1"));
    }

    /** The fixture's DRL text. */
    public static String readDrl() {
        return DRL;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path → "sha256 size mtime" of every file under {@code dir}: a fingerprint that any rewrite changes. */
    public static Map<String, String> fingerprint(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString(), ContentHash.sha256(Files.readAllBytes(p)) + " " + Files.size(p)
                        + " " + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
