package dev.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A user is online while any of their sockets is connected, and goes offline only after a grace
 * period (5 s by default) with none; changes reach every socket in batches ({@code {users}}), at
 * most one {@code presence} event per 250 ms. Other tests' users come and go meanwhile, so every
 * check looks only at the entries of the users it made.
 */
class PresenceIT {
    private static final Duration EVENT = Duration.ofSeconds(Sock.TIMEOUT_SECONDS);
    private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(15);
    private static final long GRACE_AT_LEAST_MS = 4_000;

    private final Api api = Api.server();

    @Test
    void theFirstSocketOfAUserAnnouncesThemOnlineToOthersAndListsThem(@Registered("p_watch") Login watcher) {
        String name = Api.uniqueName("p_new");
        assertEquals(201, api.post("/api/auth/register", null, "{\"username\":\"" + name + "\",\"password\":\""
                + Api.PASSWORD + "\",\"displayName\":\"New Comer\"}").status());
        Login newcomer = api.login(name);
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            try (Sock arriving = Sock.connect(newcomer.token())) {
                JSONObject online = log.next(EVENT, name).event();
                assertTrue(online.getBoolean("online"));
                assertEquals("New Comer", online.getString("displayName"));
                Instant.parse(online.getString("at"));

                JsonObject listed = listedOnline(watcher, name);
                assertNotNull(listed, name + " missing from /api/users/online");
                assertEquals("New Comer", listed.getString("displayName"));
                Instant.parse(listed.getString("since"));
                assertTrue(readyOnlineHas(arriving, watcher.username()));
                try (Sock later = Sock.connect(watcher.token())) {
                    assertTrue(readyOnlineHas(later, name));
                }
            }
        }
    }

    @Test
    void theLastSocketGoingAwayAnnouncesOfflineOnlyAfterTheGracePeriod(@Registered("p_watch") Login watcher, @Registered("p_leave") Login leaver) {
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            Sock leaving = Sock.connect(leaver.token());
            assertTrue(log.next(EVENT, leaver.username()).online());
            long closedAt = System.nanoTime();
            leaving.close();
            awaitConnections(leaver, 0);
            assertNotNull(listedOnline(watcher, leaver.username()), "still listed during the grace period");

            Seen offline = log.next(OFFLINE_WITHIN, leaver.username());
            assertFalse(offline.online());
            Instant.parse(offline.event().getString("at"));
            long afterMs = TimeUnit.NANOSECONDS.toMillis(offline.arrivedNanos() - closedAt);
            assertTrue(afterMs >= GRACE_AT_LEAST_MS, "offline " + afterMs + " ms after the disconnect");
            assertNull(listedOnline(watcher, leaver.username()));
            try (Sock later = Sock.connect(watcher.token())) { // ready's online list is kept encoded: it must have changed too
                assertFalse(readyOnlineHas(later, leaver.username()));
                assertTrue(readyOnlineHas(later, watcher.username()));
            }
        }
    }

    @Test
    void aReconnectWithinTheGracePeriodSendsNeitherOfflineNorOnline(@Registered("p_watch") Login watcher, @Registered("p_flaky") Login flaky,
            @Registered("p_ref") Login reference, @Registered("p_mark") Login marker) {
        String[] users = {flaky.username(), reference.username(), marker.username()};
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            Sock flakyFirst = Sock.connect(flaky.token());
            Sock referenceSock = Sock.connect(reference.token());
            Seen one = log.next(EVENT, users), other = log.next(EVENT, users);
            assertTrue(one.online() && other.online());
            assertEquals(Set.of(flaky.username(), reference.username()), new HashSet<>(List.of(one.username(), other.username())));
            String since = listedOnline(watcher, flaky.username()).getString("since");

            // The flaky user's socket goes first, then the reference user's; only the flaky user comes back.
            flakyFirst.close();
            awaitConnections(flaky, 0);
            referenceSock.close();
            try (Sock flakyAgain = Sock.connect(flaky.token())) {
                // The reference user's offline comes a grace period later; the flaky user's would have come before it.
                Seen first = log.next(OFFLINE_WITHIN, users);
                assertEquals(reference.username(), first.username(), "first presence event: " + first.event());
                assertFalse(first.online());
                try (Sock markerSock = Sock.connect(marker.token())) {
                    Seen next = log.next(EVENT, users);
                    assertEquals(marker.username(), next.username(), "next presence event: " + next.event());
                    assertTrue(next.online());
                }
                assertEquals(since, listedOnline(watcher, flaky.username()).getString("since"));
            }
        }
    }

    @Test
    void aSecondSocketOfAnOnlineUserSendsNoPresenceEvent(@Registered("p_watch") Login watcher, @Registered("p_twice") Login twice,
            @Registered("p_mark") Login marker) {
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            try (Sock first = Sock.connect(twice.token())) {
                assertTrue(log.next(EVENT, twice.username()).online());
                try (Sock second = Sock.connect(twice.token(), "polling");
                     Sock markerSock = Sock.connect(marker.token())) {
                    Seen next = log.next(EVENT, twice.username(), marker.username());
                    assertEquals(marker.username(), next.username(), "next presence event: " + next.event());
                    assertTrue(next.online());
                }
            }
        }
    }

    @Test
    void anOnlineUserWhoRenamesIsAnnouncedAndListedUnderTheNewName(@Registered("p_watch") Login watcher, @Registered("p_rename") Login renamer) {
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            try (Sock renaming = Sock.connect(renamer.token())) {
                assertTrue(log.next(EVENT, renamer.username()).online());
                assertEquals(200, api.send("PATCH", "/api/users/me", renamer.token(), "{\"displayName\":\"Renée Newname\"}").status());

                Seen renamed = log.next(EVENT, renamer.username());
                assertTrue(renamed.online(), renamed.event().toString());
                assertEquals("Renée Newname", renamed.event().getString("displayName"));
                assertEquals("Renée Newname", listedOnline(watcher, renamer.username()).getString("displayName"));
                try (Sock later = Sock.connect(watcher.token())) {
                    JSONArray online = later.awaitReady().getJSONArray("online"); // the first 200 by name: checked when listed there
                    for (int i = 0; i < online.length(); i++) {
                        JSONObject user = online.getJSONObject(i);
                        if (user.getString("username").equals(renamer.username())) assertEquals("Renée Newname", user.getString("displayName"));
                    }
                }
            }
        }
    }

    @Test
    void closingOneOfTwoSocketsKeepsTheUserOnline(@Registered("p_watch") Login watcher, @Registered("p_keep") Login twice,
            @Registered("p_ref") Login reference) {
        String[] users = {twice.username(), reference.username()};
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            Sock staying = Sock.connect(twice.token());
            assertEquals(twice.username(), log.next(EVENT, users).username());
            Sock referenceSock = Sock.connect(reference.token());
            assertEquals(reference.username(), log.next(EVENT, users).username());
            Sock going = Sock.connect(twice.token());
            going.close();
            awaitConnections(twice, 1);
            referenceSock.close();
            Seen first = log.next(OFFLINE_WITHIN, users);
            assertEquals(reference.username(), first.username(), "first presence event: " + first.event());
            assertFalse(first.online());
            assertNotNull(listedOnline(watcher, twice.username()));
            assertTrue(staying.connected());
            staying.close();
        }
    }

    @Test
    void aStormOfConnectsReachesEachSocketInAFewBatches() {
        int storm = 30;
        Login watcher = api.registerAndLogin("p_watch");
        List<Login> arriving = new ArrayList<>();
        for (int i = 0; i < storm; i++) arriving.add(api.guest("p_storm")); // guests: no password hashing
        Set<String> expected = new HashSet<>();
        arriving.forEach(l -> expected.add(l.username()));
        List<Sock> socks = new ArrayList<>();
        try (Sock watching = Sock.connect(watcher.token())) {
            PresenceLog log = new PresenceLog(watching);
            long start = System.nanoTime();
            for (Login login : arriving) socks.add(Sock.open(Sock.options(login.token(), "websocket")));
            socks.forEach(Sock::awaitReady);
            Set<String> seen = new HashSet<>();
            while (!seen.containsAll(expected)) {
                Seen next = log.next(EVENT, expected.toArray(String[]::new));
                assertTrue(next.online(), "went offline in the storm: " + next.event());
                seen.add(next.username());
            }
            long stormMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long frames = log.framesSince(start);
            assertTrue(frames <= stormMs / 250 + 2, frames + " presence events in a storm of " + stormMs + " ms");
            assertTrue(log.duplicates.isEmpty(), "a user twice in one batch: " + log.duplicates);
        } finally {
            socks.forEach(Sock::close);
        }
    }

    /** The entry of {@code username} in {@code GET /api/users/online}, paging through it, or null. */
    private JsonObject listedOnline(Login caller, String username) {
        String after = "";
        while (true) {
            var reply = api.get("/api/users/online?limit=500&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8), caller.token());
            assertEquals(200, reply.status(), reply.body());
            JsonObject page = reply.json();
            List<JsonObject> users = page.getJsonArray("users").getValuesAs(JsonObject.class);
            for (JsonObject user : users) {
                if (user.getString("username").equals(username)) return user;
            }
            if (!page.getBoolean("hasMore") || users.isEmpty()) return null;
            after = users.get(users.size() - 1).getString("username");
        }
    }

    private static boolean readyOnlineHas(Sock sock, String username) {
        JSONArray online = sock.awaitReady().getJSONArray("online");
        for (int i = 0; i < online.length(); i++) {
            JSONObject entry = online.getJSONObject(i);
            if (entry.getString("username").equals(username)) {
                Instant.parse(entry.getString("since"));
                return entry.has("displayName");
            }
        }
        return false;
    }

    /** Until the server has seen the session's sockets come and go: its {@code connections} count. */
    private void awaitConnections(Login login, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> api.connections(login) == expected);
    }

    private record Seen(JSONObject event, long arrivedNanos) {
        String username() {
            return event.getString("username");
        }

        boolean online() {
            return event.getBoolean("online");
        }
    }

    /** Every user entry of the presence batches one socket gets from now on, with the moment it arrived. */
    private static final class PresenceLog {
        private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        private final Queue<Long> frames = new ConcurrentLinkedQueue<>();
        final Queue<String> duplicates = new ConcurrentLinkedQueue<>();

        PresenceLog(Sock sock) {
            sock.socket().on("presence", args -> {
                long now = System.nanoTime();
                frames.add(now);
                JSONArray users = ((JSONObject) args[0]).getJSONArray("users");
                Set<String> inBatch = new HashSet<>();
                for (int i = 0; i < users.length(); i++) {
                    JSONObject user = users.getJSONObject(i);
                    if (!inBatch.add(user.getString("username"))) duplicates.add(user.getString("username"));
                    seen.add(new Seen(user, now));
                }
            });
        }

        /** How many presence events arrived since {@code nanos} (a {@link System#nanoTime()}). */
        long framesSince(long nanos) {
            return frames.stream().filter(t -> t - nanos >= 0).count();
        }

        /** The next presence event about one of {@code usernames}, skipping everyone else's. */
        Seen next(Duration timeout, String... usernames) {
            Set<String> wanted = Set.of(usernames);
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    Seen s = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (s == null) throw new AssertionError("no presence event about " + wanted + " within " + timeout);
                    if (wanted.contains(s.username())) return s;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
