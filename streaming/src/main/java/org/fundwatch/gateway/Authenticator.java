package org.fundwatch.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates a request as one {@link Institution}. The caller names itself in {@value #INSTITUTION} and proves it
 * with either
 * <ul>
 *   <li>{@value #API_KEY}: the key, compared by SHA-256 in constant time with the stored hash; or</li>
 *   <li>{@value #TIMESTAMP} (Unix seconds) and {@value #SIGNATURE}: lower-case hex HMAC-SHA256 with the
 *       institution's secret over {@code timestamp + "\n" + body}; the timestamp must be within
 *       {@link #MAX_SKEW_SECONDS} of the gateway's clock, which bounds replays of a captured request.</li>
 * </ul>
 * The reasons returned never say whether an institution code exists.
 */
public final class Authenticator {
    /** Header naming the calling institution (its fixmedins_code). */
    public static final String INSTITUTION = "X-Fundwatch-Institution";
    /** Header carrying the API key. */
    public static final String API_KEY = "X-Fundwatch-Api-Key";
    /** Header carrying the HMAC timestamp (Unix seconds). */
    public static final String TIMESTAMP = "X-Fundwatch-Timestamp";
    /** Header carrying the HMAC signature (hex). */
    public static final String SIGNATURE = "X-Fundwatch-Signature";
    /** Allowed clock difference for HMAC requests. */
    public static final long MAX_SKEW_SECONDS = 300;

    private final InstitutionRegistry registry;
    private final Clock clock;

    /** The outcome: the institution, or why it was refused. */
    public record Outcome(Institution institution, String failure) {
        public boolean ok() {
            return institution != null;
        }
    }

    public Authenticator(InstitutionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Authenticates a request given its header lookup and body. */
    public Outcome authenticate(Function<String, String> header, byte[] body) {
        String code = header.apply(INSTITUTION);
        if (code == null || code.isBlank()) {
            return new Outcome(null, "missing header " + INSTITUTION + " (the institution's fixmedins_code)");
        }
        Institution institution = registry.find(code).orElse(null);
        String key = header.apply(API_KEY);
        String signature = header.apply(SIGNATURE);
        if (key == null && signature == null) {
            return new Outcome(null, "missing credentials: send " + API_KEY + ", or " + TIMESTAMP + " and " + SIGNATURE);
        }
        if (institution == null) {
            return new Outcome(null, "authentication failed for institution " + code.strip());
        }
        if (key != null && institution.apiKeySha256() != null) {
            byte[] expected = HexFormat.of().parseHex(institution.apiKeySha256());
            return MessageDigest.isEqual(expected, sha256(key.strip().getBytes(StandardCharsets.UTF_8)))
                    ? new Outcome(institution, null) : new Outcome(null, "authentication failed for institution " + institution.code());
        }
        if (signature != null && institution.hmacSecret() != null) {
            return checkSignature(institution, header.apply(TIMESTAMP), signature, body);
        }
        return new Outcome(null, "authentication failed for institution " + institution.code()
                + " (credential type not configured for it)");
    }

    private Outcome checkSignature(Institution institution, String timestamp, String signature, byte[] body) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return new Outcome(null, "missing or invalid " + TIMESTAMP + " (Unix seconds) for the HMAC signature");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > MAX_SKEW_SECONDS) {
            return new Outcome(null, TIMESTAMP + " is more than " + MAX_SKEW_SECONDS + " s from the gateway's clock; "
                    + "sync the HIS clock (NTP) and sign again");
        }
        byte[] expected = hmac(institution.hmacSecret(), seconds, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "authentication failed for institution " + institution.code());
        }
        return MessageDigest.isEqual(expected, given) ? new Outcome(institution, null)
                : new Outcome(null, "authentication failed for institution " + institution.code());
    }

    /** The signature a client sends: HMAC-SHA256(secret, timestamp + "\n" + body). */
    public static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-256 of an API key, the value of {@code api_key_sha256}. */
    public static String keyHash(String apiKey) {
        return HexFormat.of().formatHex(sha256(apiKey.getBytes(StandardCharsets.UTF_8)));
    }
}
