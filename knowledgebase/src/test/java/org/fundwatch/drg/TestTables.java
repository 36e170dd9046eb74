package org.fundwatch.drg;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference (system property {@code fundwatch.shared}) and loads the tables once. */
public final class TestTables {
    private static DrgTables tables;

    private TestTables() {
    }

    public static Path shared() {
        String prop = System.getProperty("fundwatch.shared");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "reference"))) {
            return Path.of(prop);
        }
        if (Files.isDirectory(Path.of("/work/shared/reference"))) {
            return Path.of("/work/shared");
        }
        return Path.of("..", "shared");
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
