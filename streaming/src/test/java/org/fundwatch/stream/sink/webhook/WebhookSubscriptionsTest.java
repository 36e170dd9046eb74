package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSubscriptionsTest {

    @Test
    void loadsYamlWithSecretsFromTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("webhooks.yaml");
        Files.writeString(file, """
                subscriptions:
                  - fixmedins_code: H11010500123
                    url: https://his.hospital-a.example/fundwatch/warnings
                    secret_env: HOOK_SECRET_A
                  - fixmedins_code: H11010800045
                    url: http://127.0.0.1:8080/hook
                    secret: inline-secret
                """);
        WebhookSubscriptions subs = WebhookSubscriptions.load(file, Map.of("HOOK_SECRET_A", "from-env")::get);
        assertEquals(2, subs.size());
        assertEquals("from-env", subs.forInstitution("H11010500123").orElseThrow().secret());
        assertEquals("inline-secret", subs.forInstitution("H11010800045").orElseThrow().secret());
        assertFalse(subs.forInstitution("H99").isPresent());
        assertFalse(subs.forInstitution(null).isPresent());
        assertFalse(subs.toString().contains("from-env"), "secrets are never printed");
    }

    @Test
    void loadsJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("webhooks.json");
        Files.writeString(file, """
                {"subscriptions": [{"fixmedins_code": "H1", "url": "https://a.example/h", "secret": "x"}]}
                """);
        assertEquals("https://a.example/h", WebhookSubscriptions.load(file).forInstitution("H1").orElseThrow().url()
                .toString());
    }

    @Test
    void reportsMistakesWithTheInstitution(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                subscriptions:
                  - fixmedins_code: H1
                    url: https://a.example/h
                    secret_env: NOT_SET
                """);
        IOException unset = assertThrows(IOException.class, () -> WebhookSubscriptions.load(file, name -> null));
        assertTrue(unset.getMessage().contains("NOT_SET") && unset.getMessage().contains("H1"), unset.getMessage());

        Files.writeString(file, """
                subscriptions:
                  - {fixmedins_code: H1, url: "ftp://a.example/h", secret: x}
                """);
        assertTrue(assertThrows(IOException.class, () -> WebhookSubscriptions.load(file)).getMessage()
                .contains("http"));

        Files.writeString(file, """
                subscriptions:
                  - {fixmedins_code: H1, url: "https://a.example/1", secret: x}
                  - {fixmedins_code: H1, url: "https://a.example/2", secret: y}
                """);
        assertTrue(assertThrows(IOException.class, () -> WebhookSubscriptions.load(file)).getMessage()
                .contains("twice"));

        Files.writeString(file, """
                subscriptions:
                  - {fixmedins_code: H1, url: "https://a.example/1"}
                """);
        assertTrue(assertThrows(IOException.class, () -> WebhookSubscriptions.load(file)).getMessage()
                .contains("no secret"));
    }
}
