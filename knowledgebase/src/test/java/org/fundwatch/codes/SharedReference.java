package org.fundwatch.codes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared reference for tests (system property {@code fundwatch.shared}). */
public final class SharedReference {
    private SharedReference() {
    }

    /** {@code <shared>/reference/<relative>}. */
    public static Path reference(String relative) {
        return root().resolve("reference").resolve(relative);
    }

    /** The shared directory. */
    public static Path root() {
        String prop = System.getProperty("fundwatch.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (String candidate : new String[] {"/work/shared", "../shared", "../../shared"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("shared reference not found; set -Dfundwatch.shared");
    }
}
