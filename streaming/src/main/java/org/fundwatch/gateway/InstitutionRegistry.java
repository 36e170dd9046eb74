package org.fundwatch.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The institutions allowed to call the gateway, read from a YAML (or JSON, a subset of YAML) file:
 *
 * <pre>
 * institutions:
 *   - code: H43079600001
 *     name: 示例市第二人民医院
 *     api_key_sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *   - code: H43079600002
 *     hmac_secret: change-me
 * </pre>
 */
public final class InstitutionRegistry {
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Map<String, Institution> byCode;

    private record FileShape(@JsonProperty("institutions") List<Institution> institutions) {
    }

    public InstitutionRegistry(List<Institution> institutions) {
        Map<String, Institution> map = new HashMap<>();
        for (Institution i : institutions) {
            if (map.put(i.code(), i) != null) {
                throw new IllegalArgumentException("institution " + i.code() + " is configured twice");
            }
        }
        this.byCode = Map.copyOf(map);
    }

    /** Reads {@code file}; fails with a message naming the file and the problem. */
    public static InstitutionRegistry load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("institutions file " + file + " not found; create it (see docs/gateway.md) "
                    + "or give --institutions FILE");
        }
        try {
            FileShape shape = YAML.readValue(file.toFile(), FileShape.class);
            if (shape == null || shape.institutions() == null || shape.institutions().isEmpty()) {
                throw new IllegalArgumentException(file + ": no institutions listed (expected `institutions:` with entries)");
            }
            return new InstitutionRegistry(shape.institutions());
        } catch (IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(file + ": " + (cause instanceof IllegalArgumentException ? cause.getMessage() : reason), e);
        }
    }

    /** The institution with {@code code}. */
    public Optional<Institution> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /** How many institutions are configured. */
    public int size() {
        return byCode.size();
    }
}
