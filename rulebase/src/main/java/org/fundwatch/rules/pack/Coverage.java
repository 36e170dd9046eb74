package org.fundwatch.rules.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;

/**
 * Coverage of the 2025 national rule catalogue (88 rule classes, {@code two-libraries/rule-catalog-2025.json}) by a
 * rule pack. A catalogue row is matched to pack rules by official code ({@code gz_code_1_0} = metadata {@code code})
 * or, for classes new in 2025 without a 1.0 code, by exact name. Matched rows are {@code implemented}, or
 * {@code partial} when a matching rule says {@code coverage: partial} in its metadata (its {@code coverage_note} is
 * the reason); unmatched rows are {@code not_yet} with the reason taken from the catalogue.
 */
@JsonPropertyOrder({"total", "implemented", "partial", "rules"})
public record Coverage(@JsonProperty("total") int total, @JsonProperty("implemented") int implemented,
                       @JsonProperty("partial") int partial, @JsonProperty("rules") List<Row> rules) {
    public static final String IMPLEMENTED = "implemented";
    public static final String PARTIAL = "partial";
    public static final String NOT_YET = "not_yet";
    /** Catalogue path inside a knowledge pack and inside the shared reference. */
    public static final String CATALOG = "two-libraries/rule-catalog-2025.json";

    /** One catalogue rule class. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"seq", "name", "code", "status", "reason", "rule_ids"})
    public record Row(@JsonProperty("seq") int seq, @JsonProperty("name") String name,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("code") String code,
                      @JsonProperty("status") String status,
                      @JsonProperty("reason") String reason, @JsonProperty("rule_ids") List<String> ruleIds) {
    }

    /** Rows not implemented in full. */
    public int notYet() {
        return total - implemented - partial;
    }

    /** Reads the catalogue from {@code catalogFile} and matches {@code pack}'s rules to it. */
    public static Coverage of(RulePackSource pack, Path catalogFile) {
        JsonNode catalog;
        try {
            catalog = new ObjectMapper().readTree(catalogFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(catalogFile + ": cannot read the rule catalogue (" + e.getMessage() + ")", e);
        }
        Map<String, JsonNode> raw = MetadataEntries.read(pack.dir());
        List<Row> rows = new ArrayList<>();
        int implemented = 0;
        int partial = 0;
        for (JsonNode entry : catalog.path("rules")) {
            String name = entry.path("name").asText();
            String code = entry.hasNonNull("gz_code_1_0") ? entry.get("gz_code_1_0").asText() : null;
            List<RuleMetadata> matches = pack.rules().stream()
                    .filter(r -> (code != null && code.equals(r.code())) || name.equals(r.name())).toList();
            List<String> ids = matches.stream().map(RuleMetadata::id).toList();
            if (matches.isEmpty()) {
                rows.add(new Row(entry.path("seq").asInt(), name, code, NOT_YET, notYetReason(entry), null));
                continue;
            }
            List<String> partialNotes = new ArrayList<>();
            for (RuleMetadata m : matches) {
                JsonNode meta = raw.get(m.id());
                if (meta != null && PARTIAL.equals(meta.path("coverage").asText())) {
                    String note = meta.path("coverage_note").asText("");
                    partialNotes.add(m.id() + ": " + (note.isBlank() ? "marked partial (no coverage_note)" : note));
                }
            }
            if (partialNotes.isEmpty()) {
                implemented++;
                rows.add(new Row(entry.path("seq").asInt(), name, code, IMPLEMENTED, null, ids));
            } else {
                partial++;
                rows.add(new Row(entry.path("seq").asInt(), name, code, PARTIAL, String.join("; ", partialNotes), ids));
            }
        }
        return new Coverage(rows.size(), implemented, partial, rows);
    }

    private static String notYetReason(JsonNode entry) {
        StringBuilder reason = new StringBuilder("no rule in the pack");
        if (!entry.path("has_kp_detail").asBoolean()) {
            reason.append("; the catalogue publishes no knowledge points for it (needs local tables or a model)");
        }
        if (entry.path("new_in_2025").asBoolean()) {
            reason.append("; new in 2025, no 1.0 code");
        }
        return reason.toString();
    }

    /**
     * The catalogue file: {@code <kb>/two-libraries/rule-catalog-2025.json} when a knowledge pack is given and holds
     * it, else {@code <shared>/reference/two-libraries/…} ({@code -Dfundwatch.shared}, {@code ../shared},
     * {@code /work/shared}).
     */
    public static Path locateCatalog(Path kbDir) {
        List<Path> candidates = new ArrayList<>();
        if (kbDir != null) {
            candidates.add(kbDir.resolve(CATALOG));
        }
        String shared = System.getProperty("fundwatch.shared");
        if (shared != null) {
            candidates.add(Path.of(shared, "reference", CATALOG));
        }
        candidates.add(Path.of("..", "shared", "reference", CATALOG));
        candidates.add(Path.of("/work/shared/reference", CATALOG));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new RegistryException(
                "rule catalogue not found (looked in " + candidates + "); give --kb DIR of a knowledge pack"));
    }
}
