package org.fundwatch.stream.sink.webhook;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks a received webhook request: the signature must match the body and the timestamp must be within a tolerance
 * of the receiver's clock. For hospitals' receivers (copy this class or depend on the jar) and for our tests.
 *
 * <pre>{@code
 * var verifier = new WebhookSignatureVerifier(secret, Duration.ofMinutes(5));
 * var result = verifier.verify(request.header("X-Fundwatch-Timestamp"),
 *                              request.header("X-Fundwatch-Signature"), rawBodyBytes);
 * if (!result.valid()) respond(401, result.reason());
 * else if (alreadyProcessed(request.header("X-Fundwatch-Alert-Id"))) respond(200);   // duplicate: at-least-once
 * else { process(rawBodyBytes); respond(200); }
 * }</pre>
 *
 * Verify the raw bytes before parsing: re-serialised JSON would not match.
 */
public final class WebhookSignatureVerifier {
    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    /** A verifier for {@code secret} accepting timestamps up to {@code tolerance} away from now. */
    public WebhookSignatureVerifier(String secret, Duration tolerance) {
        this(secret, tolerance, Clock.systemUTC());
    }

    /** As above with an explicit clock (tests). */
    public WebhookSignatureVerifier(String secret, Duration tolerance, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome: valid, or the reason it is not. */
    public record Result(boolean valid, String reason) {
        static final Result OK = new Result(true, "ok");

        static Result invalid(String reason) {
            return new Result(false, reason);
        }
    }

    /**
     * Verifies the header values and raw body of one request.
     *
     * @param timestampHeader the {@code X-Fundwatch-Timestamp} value
     * @param signatureHeader the {@code X-Fundwatch-Signature} value ({@code sha256=<hex>})
     */
    public Result verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Result.invalid("missing " + (timestampHeader == null ? WebhookSigner.TIMESTAMP_HEADER
                    : WebhookSigner.SIGNATURE_HEADER) + " header");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Result.invalid("timestamp is not a number: " + timestampHeader);
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            return Result.invalid("timestamp is " + skew + " s away from now (tolerance " + tolerance.toSeconds() + " s)");
        }
        String value = signatureHeader.strip();
        if (!value.startsWith(WebhookSigner.SCHEME_PREFIX)) {
            return Result.invalid("signature must start with " + WebhookSigner.SCHEME_PREFIX);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(WebhookSigner.SCHEME_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Result.invalid("signature is not hex");
        }
        byte[] expected = WebhookSigner.hmac(secret, timestamp, body);
        // Constant-time comparison: no timing side channel on how many leading bytes matched.
        return MessageDigest.isEqual(expected, given) ? Result.OK : Result.invalid("signature does not match");
    }
}
