package org.fundwatch.drg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the grouper's tables come from when the user does not say: the newest knowledge pack under
 * {@code var/kb} ({@code var/kb/kb-*}/chs-drg-1.1 and …/icd; "newest" = greatest name, as pack names start
 * with their build date), else the shared reference ({@code ../shared/reference/chs-drg-1.1} and
 * {@code …/icd}, or the directory named by the {@code fundwatch.shared} system property).
 *
 * @param drgDir directory holding 1_MDC.txt … 7_CCE.txt
 * @param icdDir directory holding the 医保版 ICD .dat files
 */
public record TablesLocation(Path drgDir, Path icdDir) {

    /** Resolves explicit options, filling whichever is null from the defaults. */
    public static TablesLocation resolve(Path tables, Path icd) {
        if (tables != null && icd != null) {
            return new TablesLocation(tables, icd);
        }
        TablesLocation d = defaults();
        return new TablesLocation(tables != null ? tables : d.drgDir, icd != null ? icd : d.icdDir);
    }

    /** The default location (see the type's documentation). */
    public static TablesLocation defaults() {
        Optional<Path> pack = newestPack(Path.of("var", "kb"));
        if (pack.isPresent()) {
            return new TablesLocation(pack.get().resolve("chs-drg-1.1"), pack.get().resolve("icd"));
        }
        String prop = System.getProperty("fundwatch.shared");
        Path shared = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(shared.resolve("reference")) && Files.isDirectory(Path.of("/work/shared/reference"))) {
            shared = Path.of("/work/shared");
        }
        return new TablesLocation(shared.resolve("reference").resolve("chs-drg-1.1"),
                shared.resolve("reference").resolve("icd"));
    }

    private static Optional<Path> newestPack(Path kbRoot) {
        if (!Files.isDirectory(kbRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(kbRoot)) {
            return s.filter(p -> p.getFileName().toString().startsWith("kb-"))
                    .filter(p -> Files.isDirectory(p.resolve("chs-drg-1.1")) && Files.isDirectory(p.resolve("icd")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + kbRoot + ": " + e.getMessage(), e);
        }
    }
}
