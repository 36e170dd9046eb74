package org.fundwatch.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 helpers (lower-case hex). */
final class Hashing {
    private Hashing() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** sha256 over the lines {@code <name> <sha256>\n} sorted by name: the identity of a set of files. */
    static String combined(Map<String, String> shaByName) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(shaByName).forEach((name, sha) -> lines.append(name).append(' ').append(sha).append('\n'));
        return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
