package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final byte[] BODY = "{\"alert_id\":\"abc\",\"vola_amt\":12.50}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier("s3cret", Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static String ts(long offsetSeconds) {
        return Long.toString(NOW.getEpochSecond() + offsetSeconds);
    }

    @Test
    void acceptsAValidSignatureWithinTolerance() {
        long t = NOW.getEpochSecond() - 60;
        assertTrue(verifier.verify(Long.toString(t), WebhookSigner.sign("s3cret", t, BODY), BODY).valid());
    }

    @Test
    void matchesAnIndependentlyComputedVector() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        assertEquals("sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03",
                WebhookSigner.sign("key", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsTamperedBodyWrongSecretOldTimestampAndGarbage() {
        long t = NOW.getEpochSecond();
        String sig = WebhookSigner.sign("s3cret", t, BODY);
        byte[] tampered = "{\"alert_id\":\"abc\",\"vola_amt\":1250.00}".getBytes(StandardCharsets.UTF_8);
        assertFalse(verifier.verify(ts(0), sig, tampered).valid());
        assertFalse(verifier.verify(ts(0), WebhookSigner.sign("other", t, BODY), BODY).valid());
        assertFalse(verifier.verify(ts(1), sig, BODY).valid(), "the timestamp is part of what is signed");
        long old = t - 301;
        var stale = verifier.verify(Long.toString(old), WebhookSigner.sign("s3cret", old, BODY), BODY);
        assertFalse(stale.valid());
        assertTrue(stale.reason().contains("tolerance"));
        assertFalse(verifier.verify(ts(0), "md5=00", BODY).valid());
        assertFalse(verifier.verify(ts(0), "sha256=zz", BODY).valid());
        assertFalse(verifier.verify("yesterday", sig, BODY).valid());
        assertFalse(verifier.verify(null, sig, BODY).valid());
        assertFalse(verifier.verify(ts(0), null, BODY).valid());
    }
}
