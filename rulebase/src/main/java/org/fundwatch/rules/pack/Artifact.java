package org.fundwatch.rules.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code artifact.json} of a built rule-pack version: identity, content hashes, build time, the test results and the
 * knowledge-pack compatibility. Written once when the version is built; later status entries live in
 * {@code status/*.json} next to it (see {@link RulePackRegistry}).
 *
 * @param files         sha256 of every source file, by path
 * @param contentSha256 {@link ContentHash#pack} of {@link #files}
 * @param history       the status entry written at build time ({@code tested} or {@code draft})
 */
public record Artifact(@JsonProperty("name") String name, @JsonProperty("version") String version,
                       @JsonProperty("content_sha256") String contentSha256,
                       @JsonProperty("files") Map<String, String> files,
                       @JsonProperty("built_at") Instant builtAt,
                       @JsonProperty("kb_compatible") List<String> kbCompatible,
                       @JsonProperty("tests") TestSummary tests,
                       @JsonProperty("status_history") List<StatusEntry> history) {
    public static final String FILE = "artifact.json";
}
