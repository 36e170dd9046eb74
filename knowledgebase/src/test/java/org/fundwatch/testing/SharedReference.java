package org.fundwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only reference material ({@code ../shared/reference}) for tests. */
public final class SharedReference {
    private SharedReference() {
    }

    /** {@code <shared>/reference} (see {@link org.fundwatch.pack.PackBuilder#defaultSource()}). */
    public static Path reference() {
        return org.fundwatch.pack.PackBuilder.defaultSource();
    }
}
