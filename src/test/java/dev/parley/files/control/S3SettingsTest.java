package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
    private final Map<String, String> config = new HashMap<>(Map.of(
            "parley.s3.endpoint", "http://127.0.0.1:9000",
            "parley.s3.bucket", "parley",
            "parley.s3.region", "us-east-1",
            "parley.s3.access-key", "key",
            "parley.s3.secret-key", " a secret "));

    private S3Settings read() {
        return S3Settings.read(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void allFiveGiveTheStore() {
        S3Settings settings = read();
        assertEquals(URI.create("http://127.0.0.1:9000"), settings.endpoint());
        assertEquals("parley", settings.bucket());
        assertEquals(" a secret ", settings.secretKey()); // a secret is taken as given
    }

    @Test
    void missingOrBlankSettingsAreNamedAsEnvironmentVariables() {
        config.remove("parley.s3.bucket");
        config.put("parley.s3.access-key", "  ");
        config.put("parley.s3.secret-key", "");
        var refused = assertThrows(IllegalArgumentException.class, this::read);
        assertEquals("these settings are missing: PARLEY_S3_BUCKET, PARLEY_S3_ACCESS_KEY, PARLEY_S3_SECRET_KEY", refused.getMessage());
    }

    @Test
    void anEndpointMustBeAnHttpAddress() {
        config.put("parley.s3.endpoint", "s3.amazonaws.com");
        var refused = assertThrows(IllegalArgumentException.class, this::read);
        assertEquals("PARLEY_S3_ENDPOINT must be an http:// or https:// address, such as https://s3.eu-west-1.amazonaws.com", refused.getMessage());
        config.put("parley.s3.endpoint", "http://bad host");
        assertThrows(IllegalArgumentException.class, this::read);
    }

    @Test
    void theSecretIsNeverShown() {
        assertFalse(read().toString().contains("a secret"));
        assertFalse(read().toString().contains("key"));
    }
}
