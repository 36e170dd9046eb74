package org.fundwatch.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A designated institution allowed to call the gateway, as configured in the institutions file. It authenticates with
 * an API key (only its SHA-256 is stored) and/or an HMAC-SHA256 secret over each request body.
 *
 * @param code          the fixmedins_code it submits under (e.g. {@code H43079600001})
 * @param apiKeySha256  lower-case hex SHA-256 of its API key, or null when it uses HMAC only
 * @param hmacSecret    its HMAC secret, or null when it uses an API key only
 */
public record Institution(
        @JsonProperty("code") String code,
        @JsonProperty("name") String name,
        @JsonProperty("api_key_sha256") String apiKeySha256,
        @JsonProperty("hmac_secret") String hmacSecret) {

    public Institution {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("institution without code");
        }
        code = code.strip();
        apiKeySha256 = apiKeySha256 == null || apiKeySha256.isBlank() ? null : apiKeySha256.strip().toLowerCase(Locale.ROOT);
        hmacSecret = hmacSecret == null || hmacSecret.isBlank() ? null : hmacSecret;
        if (apiKeySha256 == null && hmacSecret == null) {
            throw new IllegalArgumentException("institution " + code + " has neither api_key_sha256 nor hmac_secret");
        }
        if (apiKeySha256 != null && !apiKeySha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("institution " + code + ": api_key_sha256 must be 64 hex digits "
                    + "(printf %s KEY | sha256sum)");
        }
    }
}
