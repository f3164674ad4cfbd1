package dev.parley.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.api.Test;

/** A webhook's secret: random, URL-safe, kept as its SHA-256; and the webhook's name rule. */
class WebhookSecretsTest {
    @Test
    void aFreshSecretIs256UrlSafeBitsAndNeverTheSame() {
        String a = WebhookSecrets.fresh(), b = WebhookSecrets.fresh();
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void onlyTheSecretMatchesItsHash() {
        String secret = WebhookSecrets.fresh();
        String hash = WebhookSecrets.hash(secret);
        assertEquals(64, hash.length());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", WebhookSecrets.hash(""), "SHA-256, hex");
        assertTrue(WebhookSecrets.matches(secret, hash));
        assertFalse(WebhookSecrets.matches(secret.substring(1), hash));
        assertFalse(WebhookSecrets.matches(secret, "not hex"));
        assertFalse(WebhookSecrets.matches(secret, hash.substring(2)));
    }

    @Test
    void aNameIsTrimmedOneTo64CharactersWithoutControlCharacters() {
        assertEquals("CI", Webhooks.checkName("  CI \n"));
        assertEquals("x".repeat(64), Webhooks.checkName("x".repeat(64)));
        for (String bad : new String[] {null, "", "  ", "x".repeat(65), "a\u0000b", "a\u001bb", "a\tb", "a\u0085b"}) {
            assertThrows(InvalidPayload.class, () -> Webhooks.checkName(bad), String.valueOf(bad));
        }
    }
}
