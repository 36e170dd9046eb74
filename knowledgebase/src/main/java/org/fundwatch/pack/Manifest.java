package org.fundwatch.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code manifest.json} of a knowledge pack: identity, validity and one {@link ManifestEntry} per file.
 *
 * @param format         manifest format id, {@value #FORMAT}
 * @param version        {@code kb-<yyyy.MM.dd>-<8 hex of the content hash>} unless given explicitly
 * @param builtAt        when the pack was built (UTC)
 * @param effectiveFrom  first day the pack applies to (Asia/Shanghai calendar)
 * @param effectiveTo    last day the pack applies to, {@code null} when open-ended
 * @param sourceRoot     the reference directory the pack was built from
 * @param generator      name and version of the builder
 * @param contentSha256  sha256 over the sorted {@code path sha256} lines of every file (the pack's identity)
 * @param files          every file of the pack except the manifest itself, sorted by path
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"format", "version", "built_at", "effective_from", "effective_to", "source_root", "generator",
        "content_sha256", "files"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(String format, String version, Instant builtAt, LocalDate effectiveFrom, LocalDate effectiveTo,
                       String sourceRoot, String generator, String contentSha256, List<ManifestEntry> files) {

    /** The manifest format this code reads and writes. */
    public static final String FORMAT = "fundwatch-kb/1";
    /** File name of the manifest inside a pack. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public Manifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effective_from");
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }

    /** The entry for {@code path}, if the manifest lists it. */
    public Optional<ManifestEntry> entry(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** Reads {@code dir/manifest.json}; fails with a message naming the file when it is missing or invalid. */
    public static Manifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Manifest manifest = MAPPER.readValue(file.toFile(), Manifest.class);
            if (!FORMAT.equals(manifest.format())) {
                throw new PackException(file + ": unsupported manifest format '" + manifest.format()
                        + "' (expected " + FORMAT + "); rebuild the pack with `fundwatch kb build`");
            }
            return manifest;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new PackException(file + ": manifest missing; is " + dir + " a knowledge pack (kb-<version>)?");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackException pe) {
                throw pe;
            }
            throw new PackException(file + ": corrupt manifest (" + firstLine(e.getMessage())
                    + "); rebuild the pack with `fundwatch kb build`", e);
        }
    }

    /** Writes this manifest as {@code dir/manifest.json} (pretty-printed JSON, UTF-8). */
    public void write(Path dir) throws IOException {
        Files.write(dir.resolve(FILE_NAME), MAPPER.writeValueAsBytes(this));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
