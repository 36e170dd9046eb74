package org.fundwatch.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small rule packs into a test directory. */
final class TestPacksDir {
    static final String HEADER = """
            package org.fundwatch.rules.test;
            import org.fundwatch.rules.engine.fact.PatientFact;
            import org.fundwatch.rules.engine.fact.LineFact;
            global org.fundwatch.rules.engine.FindingCollector out;
            """;

    private TestPacksDir() {
    }

    static String meta(String id) {
        return """
                - id: %s
                  code: null
                  name: 测试规则 %s
                  tier1: 医疗类
                  tier2: 药品合理使用类
                  phases: [pre, mid, post]
                  severity: 明确违规
                  basis: 测试
                  tables: []
                  effective_from: 2024-01-01
                  owner: test
                """.formatted(id, id);
    }

    static Path write(Path dir, String drl, String metadata) {
        try {
            Files.createDirectories(dir.resolve("rules"));
            Files.writeString(dir.resolve("pack.yaml"), "name: test\nversion: 0.1.0\nowner: test\nkb_compatible: [\"kb-*\"]\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("rules/t.drl"), drl, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("rules/t.rules.yaml"), metadata, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
