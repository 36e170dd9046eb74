package org.fundwatch.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the shared reference and builds packs for tests. */
final class TestPacks {
    private TestPacks() {
    }

    /** {@code <shared>/reference}, from {@code -Dfundwatch.shared}, else /work/shared or ../shared. */
    static Path reference() {
        String property = System.getProperty("fundwatch.shared");
        for (Path candidate : new Path[] {property == null ? null : Path.of(property), Path.of("/work/shared"),
                Path.of("..", "shared"), Path.of("..", "..", "shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("reference/two-libraries"))) {
                return candidate.resolve("reference").toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared reference not found; set -Dfundwatch.shared");
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
