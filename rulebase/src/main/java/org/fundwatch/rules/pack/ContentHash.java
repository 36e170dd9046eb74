package org.fundwatch.rules.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * sha256 of a rule pack's source files. The pack hash is the sha256 of the lines {@code <path> <sha256>\n} sorted
 * by path, so it does not depend on file times, the build machine or the order of a directory listing.
 */
public final class ContentHash {
    /** Files of a source directory that belong to the pack (sources only, never built artifacts). */
    static final String[] SOURCE_ROOTS = {"pack.yaml", "rules", "tests"};

    private ContentHash() {
    }

    /** sha256 (hex) of every source file under {@code dir}, keyed by its path relative to {@code dir}, '/'-separated. */
    public static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        for (String root : SOURCE_ROOTS) {
            Path start = dir.resolve(root);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(start)) {
                for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot read the pack sources (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    /** The pack hash of {@code files} (path → sha256). */
    public static String pack(Map<String, String> files) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(files).forEach((path, sha) -> lines.append(path).append(' ').append(sha).append('\n'));
        return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without SHA-256", e);
        }
    }
}
