package org.fundwatch.rules.engine;

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
import org.fundwatch.rules.source.RulePackSource;

/**
 * Shared test fixtures: a knowledge pack built once per test JVM from the shared reference (into a temporary
 * directory removed at exit), the national rule pack source and its compiled engine.
 */
final class TestKb {
    private static KnowledgePack kb;
    private static RuleEngine national;

    private TestKb() {
    }

    /** {@code <shared>/reference} (see {@link org.fundwatch.pack.PackBuilder#defaultSource()}). */
    static Path reference() {
        return org.fundwatch.pack.PackBuilder.defaultSource();
    }

    static synchronized KnowledgePack kb() {
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

    /** The national pack's source directory ({@code rulebase/packs/national}). */
    static Path nationalDir() {
        for (Path p : new Path[] {Path.of("packs/national"), Path.of("rulebase/packs/national")}) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("rulebase/packs/national not found from " + Path.of("").toAbsolutePath());
    }

    static synchronized RuleEngine national() {
        if (national == null) {
            national = RuleEngine.compile(RulePackSource.load(nationalDir()), kb());
        }
        return national;
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
