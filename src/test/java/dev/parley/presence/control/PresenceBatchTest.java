package dev.parley.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceBatchTest {
    private final PresenceBatch batch = new PresenceBatch(250);

    @Test
    void theFirstChangeAfterAQuietSpellIsFlushedAtOnce() {
        assertEquals(0, batch.add(change("alice", true), 10_000));
    }

    @Test
    void changesWhileAFlushIsDueJoinIt() {
        batch.add(change("alice", true), 10_000);
        assertEquals(-1, batch.add(change("bob", true), 10_001));
        assertEquals(List.of("alice", "bob"), names(batch.flush(10_002)));
    }

    @Test
    void aChangeSoonAfterAFlushWaitsUntilTheIntervalHasPassed() {
        batch.add(change("alice", true), 10_000);
        batch.flush(10_000);
        assertEquals(150, batch.add(change("bob", true), 10_100));
        assertEquals(-1, batch.add(change("carol", true), 10_200));
        batch.flush(10_250);
        assertEquals(0, batch.add(change("dave", true), 10_600));
    }

    @Test
    void aUserWhoCameAndWentWithinOneBatchIsListedOnceWithTheirLatestState() {
        batch.add(change("alice", true), 10_000);
        batch.add(change("bob", true), 10_001);
        batch.add(change("alice", false), 10_002);
        List<PresenceChanged> users = batch.flush(10_003);
        assertEquals(List.of("bob", "alice"), names(users));
        assertEquals(false, users.get(1).online());
    }

    @Test
    void aFlushEmptiesTheBatch() {
        batch.add(change("alice", true), 10_000);
        batch.flush(10_000);
        assertTrue(batch.flush(10_300).isEmpty());
    }

    private static PresenceChanged change(String username, boolean online) {
        return new PresenceChanged(username, username.toUpperCase(), false, online, Instant.EPOCH);
    }

    private static List<String> names(List<PresenceChanged> users) {
        return users.stream().map(PresenceChanged::username).toList();
    }
}
