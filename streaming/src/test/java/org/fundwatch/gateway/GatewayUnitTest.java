package org.fundwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fundwatch.message.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masking, authentication, the institutions file and err_msg composition. */
class GatewayUnitTest {

    @Test
    void masksPersonalData() {
        assertEquals("43****************45", Masking.id("43079600000000012345"));
        assertEquals("A***", Masking.id("ABCD"));
        assertEquals("王**", Masking.name("王某某"));
        assertEquals("-", Masking.id(null));
    }

    @Test
    void authenticatesByKeyHashAndHmacWithinTheClockSkew() {
        Institution a = new Institution("H1", "A", Authenticator.keyHash("k1"), null);
        Institution b = new Institution("H2", "B", null, "s2");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_750_000_000), ZoneOffset.UTC);
        Authenticator auth = new Authenticator(new InstitutionRegistry(List.of(a, b)), clock);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertTrue(auth.authenticate(Map.of(Authenticator.INSTITUTION, "H1", Authenticator.API_KEY, "k1")::get, body).ok());
        assertFalse(auth.authenticate(Map.of(Authenticator.INSTITUTION, "H1", Authenticator.API_KEY, "k2")::get, body).ok());
        assertFalse(auth.authenticate(Map.of(Authenticator.INSTITUTION, "H2", Authenticator.API_KEY, "k1")::get, body).ok());
        String sig = HexFormat.of().formatHex(Authenticator.hmac("s2", 1_750_000_100, body));
        assertTrue(auth.authenticate(Map.of(Authenticator.INSTITUTION, "H2", Authenticator.TIMESTAMP, "1750000100",
                Authenticator.SIGNATURE, sig)::get, body).ok());
        String old = HexFormat.of().formatHex(Authenticator.hmac("s2", 1_749_999_000, body));
        Authenticator.Outcome stale = auth.authenticate(Map.of(Authenticator.INSTITUTION, "H2", Authenticator.TIMESTAMP, "1749999000",
                Authenticator.SIGNATURE, old)::get, body);
        assertFalse(stale.ok());
        assertTrue(stale.failure().contains("clock"), stale.failure());
        assertFalse(auth.authenticate(Map.of(Authenticator.INSTITUTION, "H2", Authenticator.TIMESTAMP, "1750000100",
                Authenticator.SIGNATURE, sig)::get, "{ }".getBytes(StandardCharsets.UTF_8)).ok(), "body changed");
    }

    @Test
    void readsTheInstitutionsFileAndRejectsBadEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("institutions.yaml");
        Files.writeString(file, "institutions:\n  - code: H43079600001\n    name: 示例\n    api_key_sha256: "
                + Authenticator.keyHash("x") + "\n  - code: H43079600002\n    hmac_secret: s\n");
        InstitutionRegistry registry = InstitutionRegistry.load(file);
        assertEquals(2, registry.size());
        assertTrue(registry.find("H43079600002").isPresent());
        Files.writeString(file, "institutions:\n  - code: H1\n    api_key_sha256: plain-key\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstitutionRegistry.load(file));
        assertTrue(e.getMessage().contains("64 hex"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InstitutionRegistry.load(dir.resolve("missing.yaml")));
    }

    @Test
    void errMsgNamesTheFirstErrorAndCountsTheRestWithin200Characters() {
        String msg = NationalGateway.describe(List.of(Problem.error("$.a", "x".repeat(300)), Problem.error("$.b", "y"),
                Problem.error("$.c", "z")));
        assertTrue(msg.length() <= 200, msg);
        assertTrue(msg.startsWith("$.a: xxx"), msg);
        assertTrue(msg.endsWith("(and 2 more errors)"), msg);
        assertEquals("$.input.data", NationalGateway.errorPath("$.input.data: missing 王某"));
    }
}
