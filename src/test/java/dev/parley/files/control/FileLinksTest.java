package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.files.control.FileLinks.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileLinksTest {
    static final byte[] KEY = FileLinks.derive("a secret every node shares".getBytes(), FileViews.LABEL);
    static final Instant NOW = Instant.parse("2026-12-07T20:00:10Z");
    final FileLinks links = new FileLinks(KEY, Duration.ofHours(1));

    @Test
    void aLinkOpensItsFileUntilItExpires() {
        Map<String, String> q = query(links.link(77, Target.FILE, NOW));
        assertTrue(links.valid(77, Target.FILE, q.get("exp"), q.get("sig"), NOW));
        assertTrue(links.valid(77, Target.FILE, q.get("exp"), q.get("sig"), NOW.plus(Duration.ofMinutes(58))));
        assertFalse(links.valid(77, Target.FILE, q.get("exp"), q.get("sig"), NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void theLinkIsAPathOnThisServer() {
        String link = links.link(77, Target.THUMBNAIL, NOW);
        assertTrue(link.startsWith("/api/files/77/thumbnail?exp="), link);
        assertTrue(links.link(77, Target.FILE, NOW).startsWith("/api/files/77?exp="));
    }

    @Test
    void anAlteredLinkOpensNothing() {
        Map<String, String> q = query(links.link(77, Target.FILE, NOW));
        long exp = Long.parseLong(q.get("exp"));
        assertFalse(links.valid(78, Target.FILE, q.get("exp"), q.get("sig"), NOW), "another file");
        assertFalse(links.valid(77, Target.THUMBNAIL, q.get("exp"), q.get("sig"), NOW), "the thumbnail with the file's signature");
        assertFalse(links.valid(77, Target.FILE, Long.toString(exp + 3600), q.get("sig"), NOW), "a later expiry");
        assertFalse(links.valid(77, Target.FILE, q.get("exp"), q.get("sig").substring(1) + "A", NOW), "another signature");
        assertFalse(links.valid(77, Target.FILE, q.get("exp"), null, NOW));
        assertFalse(links.valid(77, Target.FILE, null, q.get("sig"), NOW));
        assertFalse(links.valid(77, Target.FILE, "-1", q.get("sig"), NOW));
        assertFalse(links.valid(77, Target.FILE, "99999999999999999999999", q.get("sig"), NOW));
        FileLinks otherKey = new FileLinks(FileLinks.derive("another secret".getBytes(), FileViews.LABEL), Duration.ofHours(1));
        assertFalse(otherKey.valid(77, Target.FILE, q.get("exp"), q.get("sig"), NOW), "another server's key");
    }

    @Test
    void linksWithinAMinuteAreTheSameUrl() {
        assertEquals(links.link(5, Target.FILE, NOW), links.link(5, Target.FILE, NOW.plusSeconds(20)));
        assertNotEquals(links.link(5, Target.FILE, NOW), links.link(5, Target.FILE, NOW.plusSeconds(61)));
    }

    @Test
    void aShortTimeToLiveIsKeptToTheSecond() {
        FileLinks brief = new FileLinks(KEY, Duration.ofSeconds(3));
        Map<String, String> q = query(brief.link(1, Target.FILE, NOW));
        assertEquals(NOW.getEpochSecond() + 3, Long.parseLong(q.get("exp")));
        assertTrue(brief.valid(1, Target.FILE, q.get("exp"), q.get("sig"), NOW.plusSeconds(2)));
        assertFalse(brief.valid(1, Target.FILE, q.get("exp"), q.get("sig"), NOW.plusSeconds(3)));
    }

    static Map<String, String> query(String link) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return params;
    }
}
