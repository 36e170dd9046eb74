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
        return org.fundwatch.pack.PackBuilder.defaultSource().getParent();
    }
}
