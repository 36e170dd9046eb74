package org.fundwatch.stream.sink.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests. The signature covers the timestamp and the exact body bytes:
 * {@code X-Fundwatch-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, with
 * {@code X-Fundwatch-Timestamp} the Unix time in seconds when the attempt was sent. Binding the timestamp stops an
 * eavesdropped request from being replayed later (receivers reject timestamps outside a tolerance, see
 * {@link WebhookSignatureVerifier}); the same scheme as Stripe's and Slack's webhooks.
 */
public final class WebhookSigner {
    /** Header carrying {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Fundwatch-Signature";
    /** Header carrying the Unix time (seconds) the request was signed at. */
    public static final String TIMESTAMP_HEADER = "X-Fundwatch-Timestamp";
    /** Header carrying the deterministic alert id; receivers deduplicate by it. */
    public static final String ALERT_ID_HEADER = "X-Fundwatch-Alert-Id";
    /** Header carrying the 1-based delivery attempt (informational). */
    public static final String ATTEMPT_HEADER = "X-Fundwatch-Attempt";
    /** Prefix of the signature value, naming the algorithm. */
    public static final String SCHEME_PREFIX = "sha256=";

    private WebhookSigner() {
    }

    /** {@code sha256=<hex>} for {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        return SCHEME_PREFIX + HexFormat.of().formatHex(hmac(secret, epochSeconds, body));
    }

    /** The raw HMAC-SHA256 of {@code epochSeconds + "." + body} under {@code secret}. */
    static byte[] hmac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
