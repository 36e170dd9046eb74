package org.fundwatch.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackBuilder;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.source.RulePackSource;

/** Shared fixtures: the knowledge pack built once per JVM, the national rule pack compiled once, the shared sample. */
final class GatewayTestSupport {
    private static Path kbDir;
    private static RuleEngine engine;

    private GatewayTestSupport() {
    }

    /** {@code <shared>} from {@code fundwatch.shared}, else /work/shared, else ../shared. */
    static Path shared() {
        String property = System.getProperty("fundwatch.shared");
        for (Path p : new Path[] {property == null ? null : Path.of(property), Path.of("/work/shared"), Path.of("../shared")}) {
            if (p != null && Files.isDirectory(p.resolve("reference"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared reference not found; set -Dfundwatch.shared");
    }

    static byte[] sample() {
        try {
            return Files.readAllBytes(shared().resolve("reference/samples/3101-request.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path nationalPack() {
        for (Path p : new Path[] {Path.of("../rulebase/packs/national"), Path.of("rulebase/packs/national")}) {
            if (Files.isRegularFile(p.resolve("pack.yaml"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("rulebase/packs/national not found from " + Path.of("").toAbsolutePath());
    }

    static synchronized Path kbDir() {
        if (kbDir == null) {
            try {
                Path dir = Files.createTempDirectory("fundwatch-gw-kb-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                kbDir = new PackBuilder(shared().resolve("reference"))
                        .clock(Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), PackBuilder.ZONE)).build(dir).dir();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kbDir;
    }

    static synchronized RuleEngine engine() {
        if (engine == null) {
            engine = RuleEngine.compile(RulePackSource.load(nationalPack()), KnowledgePack.load(kbDir()));
        }
        return engine;
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
