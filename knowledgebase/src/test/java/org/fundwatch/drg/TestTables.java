package org.fundwatch.drg;

import java.nio.file.Path;

/** Locates the shared reference (system property {@code fundwatch.shared}) and loads the tables once. */
public final class TestTables {
    private static DrgTables tables;

    private TestTables() {
    }

    public static Path shared() {
        return org.fundwatch.testing.SharedReference.reference().getParent();
    }

    public static Path drgDir() {
        return shared().resolve("reference").resolve("chs-drg-1.1");
    }

    public static Path icdDir() {
        return shared().resolve("reference").resolve("icd");
    }

    public static synchronized DrgTables tables() {
        if (tables == null) {
            tables = DrgTables.load(drgDir(), icdDir());
        }
        return tables;
    }
}
