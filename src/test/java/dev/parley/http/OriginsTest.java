package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginsTest {
    private final Origins origins = new Origins(Optional.of("https://chat.example, http://localhost:3000/"));

    @Test
    void noOriginIsNoBrowserAndAllowed() {
        assertTrue(origins.allows(null, "parley.example"));
    }

    @Test
    void theServersOwnOriginIsAllowed() {
        assertTrue(origins.allows("http://127.0.0.1:8181", "127.0.0.1:8181"));
        assertTrue(origins.allows("https://parley.example", "parley.example"));
        assertFalse(origins.allows("http://127.0.0.1:8182", "127.0.0.1:8181"));
    }

    @Test
    void listedOriginsAreAllowedInAnyCase() {
        assertTrue(origins.allows("https://CHAT.example", "parley.example"));
        assertTrue(origins.allows("http://localhost:3000", "parley.example"));
    }

    @Test
    void anyOtherOriginIsRefusedWhateverTheHost() {
        assertFalse(origins.allows("https://evil.example", "parley.example"));
        assertFalse(origins.allows("https://evil.example", null));
        assertFalse(origins.allows("null", "parley.example"));
        assertFalse(origins.allows("", "parley.example"));
        assertFalse(origins.allows("https://chat.example.evil.example", "parley.example"));
    }

    @Test
    void withoutAKnownHostOnlyListedOriginsAreAllowed() {
        assertFalse(origins.allows("http://127.0.0.1:8181", null));
        assertTrue(origins.allows("https://chat.example", null));
    }
}
