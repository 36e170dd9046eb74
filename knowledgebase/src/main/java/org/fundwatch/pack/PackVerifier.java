package org.fundwatch.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a pack directory against its manifest: every listed file present with the pinned sha256, no file that the
 * manifest does not list, and the content hash matching. Each failure names the file and says what to do.
 */
final class PackVerifier {
    private PackVerifier() {
    }

    static Manifest verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PackException(dir + " is not a directory; give the path of a pack (…/kb-<version>)");
        }
        Manifest manifest = Manifest.read(dir);
        Map<String, String> shas = new LinkedHashMap<>();
        for (ManifestEntry entry : manifest.files()) {
            Path file = resolveInside(dir, entry.path());
            String actual;
            try {
                actual = Hashing.sha256(file);
            } catch (NoSuchFileException e) {
                throw new PackException(entry.path() + ": missing from pack " + dir
                        + " (listed in the manifest); restore it or rebuild the pack");
            } catch (IOException e) {
                throw new PackException(entry.path() + ": cannot read (" + e.getMessage() + ")", e);
            }
            if (!actual.equals(entry.sha256())) {
                throw new PackException(entry.path() + ": sha256 mismatch (manifest " + abbrev(entry.sha256())
                        + ", file " + abbrev(actual) + "): the file was changed after the build of "
                        + manifest.version() + "; restore it or rebuild the pack");
            }
            shas.put(entry.path(), actual);
        }
        Set<String> listed = manifest.files().stream().map(ManifestEntry::path).collect(Collectors.toSet());
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> extra = all.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(Manifest.FILE_NAME) && !listed.contains(p))
                    .sorted().toList();
            if (!extra.isEmpty()) {
                throw new PackException(extra.get(0) + ": unexpected file in pack " + dir
                        + " (not in the manifest" + (extra.size() > 1 ? "; also " + extra.subList(1, extra.size()) : "")
                        + "); a pack is immutable — remove it or rebuild the pack");
            }
        } catch (IOException e) {
            throw new PackException(dir + ": cannot list files (" + e.getMessage() + ")", e);
        }
        if (manifest.contentSha256() != null && !manifest.contentSha256().equals(Hashing.combined(shas))) {
            throw new PackException(Manifest.FILE_NAME + ": content_sha256 does not match the listed files; "
                    + "the manifest was edited — rebuild the pack");
        }
        return manifest;
    }

    static Path resolveInside(Path dir, String relative) {
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new PackException(Manifest.FILE_NAME + ": path '" + relative + "' points outside the pack");
        }
        return file;
    }

    private static String abbrev(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}
