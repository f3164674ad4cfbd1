package dev.parley.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.ServerLog;
import dev.parley.support.TestDatabase;
import dev.parley.support.Users.Registered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A transaction that holds a hot row and hangs (here: one opened from outside, on the server's own
 * PostgreSQL database) makes the requests that need that row fail with {@code unavailable} after the
 * lock timeout (PARLEY_DB_LOCK_TIMEOUT, 5 s by default), not wait for it for good; once it lets go,
 * the same request succeeds.
 */
class LockTimeoutIT {
    /** The default lock timeout and then some: past it the request would be hanging. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final Api api = Api.server();

    @Test
    void aJoinBehindARoomsHeldMemberCountFailsUnavailableInBoundedTimeThenSucceeds(@Registered("lt_owner") Login owner,
                                                                                    @Registered("lt_joiner") Login joiner) throws Exception {
        String room = api.createRoom(owner, "lt");
        ServerLog log = ServerLog.shared();
        long mark = log.mark();
        try (Connection holder = TestDatabase.connect(TestDatabase.URL)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT members FROM room_member_counts WHERE room_id = (SELECT id FROM rooms WHERE name = ?) FOR UPDATE")) {
                lock.setString(1, room);
                assertTrue(lock.executeQuery().next(), "the room's member count row");
            }

            long started = System.nanoTime();
            Reply refused = CompletableFuture.supplyAsync(() -> api.put("/api/rooms/" + room + "/members/me", joiner.token()))
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, refused.status(), refused.body());
            assertEquals("unavailable", refused.errorCode(), refused.body());
            String body = refused.body().toLowerCase(Locale.ROOT);
            assertFalse(body.contains("select") || body.contains("room_member_counts") || body.contains("sql") || body.contains("lock"), body);
            assertTrue(took.compareTo(BOUND) < 0, "answered after " + took);

            holder.rollback();
        }
        String logged = log.since(mark);
        assertEquals(1, ServerLog.recordsMentioning(logged, "Database lock wait timed out"), logged);
        assertFalse(ServerLog.hasStackTrace(logged), logged);

        assertEquals(200, api.put("/api/rooms/" + room + "/members/me", joiner.token()).status(), "the same join, the row free again");
        assertEquals(2, api.room(owner, room).getInt("members"));
    }
}
