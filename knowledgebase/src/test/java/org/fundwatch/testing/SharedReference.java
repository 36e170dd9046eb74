package org.fundwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only reference material ({@code ../shared/reference}) for tests. */
public final class SharedReference {
    private SharedReference() {
    }

    /** {@code <shared>/reference}, from {@code -Dfundwatch.shared}, else /work/shared or ../shared. */
    public static Path reference() {
        String property = System.getProperty("fundwatch.shared");
        for (Path candidate : new Path[] {property == null ? null : Path.of(property), Path.of("/work/shared"),
                Path.of("..", "shared"), Path.of("..", "..", "shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("reference/two-libraries"))) {
                return candidate.resolve("reference").toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared reference not found; set -Dfundwatch.shared");
    }
}
