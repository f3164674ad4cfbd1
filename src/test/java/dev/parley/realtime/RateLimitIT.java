package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import io.socket.client.Ack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Each socket may send 20 events in a burst, refilled at 5 per second; the excess gets {@code rate_limited}. */
class RateLimitIT {
    private static final int BURST = 20;
    private static final int REFILL_PER_SECOND = 5;
    private static final int SENT = 30;

    private final Api api = Api.server();

    @Test
    void eventsBeyondTheBurstAreRateLimitedUntilTheAllowanceRefills(@Registered("rl_burst") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            long start = System.nanoTime();
            List<CompletableFuture<JSONObject>> acks = burst(sock, "focus", SENT, i -> new JSONObject());
            // Without an ack, the excess gets an error event instead.
            for (int i = 0; i < 3; i++) sock.emit("focus", new JSONObject());
            List<JSONObject> results = collect(acks);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertTrue(results.subList(0, BURST).stream().allMatch(a -> a.getBoolean("ok")), results.toString());
            long ok = results.stream().filter(a -> a.getBoolean("ok")).count();
            assertTrue(ok < SENT, "none of " + SENT + " limited");
            assertTrue(ok <= BURST + Math.ceil(seconds * REFILL_PER_SECOND) + 1, ok + " allowed in " + seconds + " s");
            for (JSONObject refused : results.stream().filter(a -> !a.getBoolean("ok")).toList()) {
                assertEquals("rate_limited", refused.getJSONObject("error").getString("code"));
                assertTrue(refused.getJSONObject("error").getString("message").length() > 0);
            }
            assertEquals("rate_limited", sock.awaitJson("error").getString("code"));

            Awaitility.await("the allowance refills").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> sock.ack("focus", new JSONObject()).getBoolean("ok"));
        }
    }

    @Test
    void anotherSocketOfTheSameUserHasItsOwnAllowance(@Registered("rl_two") Login me) {
        try (Sock busy = Sock.connect(me.token()); Sock other = Sock.connect(me.token())) {
            List<JSONObject> busyAcks = collect(burst(busy, "focus", SENT, i -> new JSONObject()));
            assertTrue(busyAcks.stream().anyMatch(a -> !a.getBoolean("ok")), "the busy socket was never limited");
            List<JSONObject> otherAcks = collect(burst(other, "focus", BURST, i -> new JSONObject()));
            assertTrue(otherAcks.stream().allMatch(a -> a.getBoolean("ok")), otherAcks.toString());
        }
    }

    @Test
    void rateLimitedMessagesAreNeitherStoredNorSent(@Registered("rl_msg") Login me, @Registered("rl_watch") Login watcher) {
        String room = Api.uniqueName("rl");
        assertEquals(201, api.post("/api/rooms", me.token(), Api.json("name", room)).status());
        assertEquals(200, api.put("/api/rooms/" + room + "/members/me", watcher.token()).status());
        try (Sock sock = Sock.connect(me.token()); Sock watching = Sock.connect(watcher.token())) {
            List<JSONObject> acks = collect(burst(sock, "message", SENT,
                    i -> new JSONObject().put("room", room).put("text", "burst " + i)));
            Set<Long> stored = new HashSet<>();
            for (JSONObject ack : acks) if (ack.getBoolean("ok")) stored.add(ack.getJSONObject("message").getLong("id"));
            assertTrue(stored.size() >= BURST && stored.size() < SENT, stored.size() + " of " + SENT + " accepted");

            Set<Long> delivered = new HashSet<>();
            for (int i = 0; i < stored.size(); i++) delivered.add(watching.awaitJson("message").getLong("id"));
            assertEquals(stored, delivered);
            // Once the bucket refills, a message goes through (a refused one is not stored, so retrying is safe).
            AtomicReference<JSONObject> after = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> after.updateAndGet(a -> sock.ack("message",
                            new JSONObject().put("room", room).put("text", "after"))).getBoolean("ok"));
            long last = after.get().getJSONObject("message").getLong("id");
            watching.awaitMessage(last);

            stored.add(last);
            var history = api.get("/api/rooms/" + room + "/messages?limit=200", me.token()).json();
            Set<Long> inHistory = new HashSet<>();
            for (JsonObject m : history.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                inHistory.add(m.getJsonNumber("id").longValue());
            }
            assertEquals(stored, inHistory);
        }
    }

    /** Sends {@code count} events back to back, each with an ack, without waiting for any. */
    private static List<CompletableFuture<JSONObject>> burst(Sock sock, String event, int count, IntFunction<Object> payload) {
        List<CompletableFuture<JSONObject>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<JSONObject> ack = new CompletableFuture<>();
            acks.add(ack);
            sock.socket().emit(event, payload.apply(i), (Ack) args -> ack.complete((JSONObject) args[0]));
        }
        return acks;
    }

    private static List<JSONObject> collect(List<CompletableFuture<JSONObject>> acks) {
        List<JSONObject> results = new ArrayList<>();
        for (CompletableFuture<JSONObject> ack : acks) {
            try {
                results.add(ack.get(Sock.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("an ack did not come", e);
            }
        }
        return results;
    }
}
