package org.fundwatch.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Loads each knowledge pack once per JVM and finds packs in a directory. */
public final class KnowledgePacks {
    private static final Map<Path, KnowledgePack> CACHE = new ConcurrentHashMap<>();

    private KnowledgePacks() {
    }

    /** The pack in {@code dir}, loaded and verified on first use and shared afterwards. */
    public static KnowledgePack cached(Path dir) {
        return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), KnowledgePack::load);
    }

    /**
     * The newest pack under {@code root} (directories {@code kb-*} holding a manifest), by the modification time of
     * the manifest (the time the pack was built);
     * empty when there is none.
     */
    public static Optional<Path> newest(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("kb-"))
                    .filter(d -> Files.isRegularFile(d.resolve(Manifest.FILE_NAME)))
                    .max(Comparator.comparing(KnowledgePacks::modified));
        } catch (IOException e) {
            throw new PackException(root + ": cannot list packs (" + e.getMessage() + ")", e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(Manifest.FILE_NAME));
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
