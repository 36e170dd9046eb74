package org.fundwatch.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * One file of a knowledge pack as the manifest pins it.
 *
 * @param path         path relative to the pack root, with {@code /} separators
 * @param kind         official, derived or synthetic
 * @param source       where the content comes from (reference-relative path(s), {@code knowledge-points.json#…},
 *                     {@code generator:…} or {@code override:…})
 * @param sourceSha256 sha256 of the source file when there is exactly one source file, else {@code null}
 * @param sha256       sha256 of the file's bytes in the pack
 * @param rows         data rows for tables, lines for verbatim text tables, {@code null} for JSON documents
 * @param description  what the file holds (and, for synthetic files, what real source replaces it)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"path", "kind", "source", "source_sha256", "sha256", "rows", "description"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ManifestEntry(String path, FileKind kind, String source, String sourceSha256, String sha256,
                            Integer rows, String description) {
    public ManifestEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind of " + path);
        Objects.requireNonNull(sha256, "sha256 of " + path);
    }
}
