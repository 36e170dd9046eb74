package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The metadata entries of a pack as written ({@code rules/*.rules.yaml}), by rule id, every field kept. The typed
 * view is {@link org.fundwatch.rules.source.RuleMetadata}; diff and coverage need the raw entries to compare every
 * field and to read the authoring-only fields {@code coverage} and {@code coverage_note}.
 */
final class MetadataEntries {
    private static final ObjectMapper YAML = new YAMLMapper();

    private MetadataEntries() {
    }

    /** Rule id → its metadata entry, for every {@code rules/*.rules.yaml} of {@code packDir}. */
    static Map<String, JsonNode> read(Path packDir) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Path rules = packDir.resolve("rules");
        if (!Files.isDirectory(rules)) {
            return out;
        }
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".rules.yaml")).sorted()::iterator) {
                JsonNode list = YAML.readTree(f.toFile());
                if (list != null && list.isArray()) {
                    list.forEach(entry -> {
                        if (entry.hasNonNull("id")) {
                            out.put(entry.get("id").asText(), entry);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(packDir + ": cannot read rule metadata (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
