package org.fundwatch.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the migration files, either in a directory or in a classpath folder (also inside the shaded jar).
 * Every {@code V*.sql} file must be a well-named migration; other files (a README) are ignored. Two files
 * with the same version are an error.
 */
public final class MigrationLoader {

    /** The classpath folder of Fundwatch's own schema. */
    public static final String BUNDLED = "clickhouse/migrations";

    private MigrationLoader() {
    }

    /** Fundwatch's schema, shipped in this module's resources. */
    public static List<Migration> bundled() {
        return fromClasspath(BUNDLED);
    }

    /** The migrations in a classpath folder such as {@code clickhouse/migrations}. */
    public static List<Migration> fromClasspath(String folder) {
        URL url = MigrationLoader.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new MigrationException("No migration folder " + folder + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fromDirectory(fs.getPath(folder));
            }
            return fromDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new MigrationException("Cannot read the migration folder " + url + ": " + e.getMessage(), e);
        }
    }

    /** The migrations in {@code dir}, ordered by version. */
    public static List<Migration> fromDirectory(Path dir) {
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith("V") && fileName.endsWith(".sql")) {
                    migrations.add(Migration.of(fileName, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration folder " + dir, e);
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        Map<Integer, String> seen = new HashMap<>();
        for (Migration m : migrations) {
            String other = seen.put(m.version(), m.fileName());
            if (other != null) {
                throw new MigrationException("Two migrations have version " + m.version() + ": " + other + " and "
                        + m.fileName() + ". Renumber one of them.");
            }
        }
        return List.copyOf(migrations);
    }
}
