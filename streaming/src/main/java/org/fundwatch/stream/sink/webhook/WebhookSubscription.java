package org.fundwatch.stream.sink.webhook;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where one institution receives its warnings, and the secret its requests are signed with.
 *
 * @param institutionCode fixmedins_code
 * @param url             the receiver's endpoint (http or https)
 * @param secret          the shared HMAC secret; never printed by {@link #toString()}
 */
public record WebhookSubscription(String institutionCode, URI url, String secret) implements Serializable {

    public WebhookSubscription {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(url, "url");
        if (institutionCode.isBlank()) {
            throw new IllegalArgumentException("a subscription needs an institution code (fixmedins_code)");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("webhook url of " + institutionCode + " must be http(s): " + url);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook of " + institutionCode + " has no secret");
        }
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + institutionCode + " -> " + url + ", secret=***]";
    }
}
