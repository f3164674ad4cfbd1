package dev.parley.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Defaults;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The budget of reads that cost the server (search, the people directory, joins and leaves, sync), per user, at its defaults,
 * on a server of its own: the shared test server raises it for the rest of the suite (pom.xml).
 * REST calls and socket events take from one budget; the write budget is another.
 */
class ReadBudgetIT {
    private static final int BURST = Defaults.integer("parley.read.rate.burst");
    private static final double PER_SECOND = Defaults.decimal("parley.read.rate.per-second");
    private static final int WRITE_BURST = Defaults.integer("parley.rest.rate.burst");

    @RegisterExtension
    static final OwnServer server = OwnServer.named("reads", 9);
    private static final Api api = server.api();

    @Test
    void searchesBeyondTheBudgetGet429AndSocketReadsTooWhileWritesGoOn() {
        Login me = api.guest("searcher");
        try (Sock sock = Sock.connectTo(server.url(), me.token())) {
            long start = System.nanoTime();
            int searched = allowedUntilRefused(i -> restOk(api.get("/api/search?q=hello" + i, me.token()), 200));
            assertWithinBudget(BURST, searched, start, "searches");

            assertTrue(socketRefused(sock, () -> new JSONObject().put("rooms", new JSONObject().put("feed", 0))),
                    "a socket's sync takes from the budget the searches spent");
            for (int i = 0; i < WRITE_BURST; i++) {
                Reply post = api.post("/api/rooms/feed/messages", me.token(), Api.json("text", "still writing " + i));
                assertEquals(201, post.status(), "the write budget is the reads' own: " + post.body());
            }
        }
        Awaitility.await("the budget refills").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("/api/search?q=again", me.token()).status() == 200);
    }

    @Test
    void thePeopleDirectorySpendsTheReadBudget() {
        Login me = api.guest("finder");
        long start = System.nanoTime();
        int found = allowedUntilRefused(i -> restOk(api.get("/api/users?query=fin" + i, me.token()), 200));
        assertWithinBudget(BURST, found, start, "directory look-ups");
    }

    @Test
    void joinsAndLeavesOnSocketsAndRestShareOneBudget() {
        String room = api.createRoom(api.guest("owner"), "joins");
        Login me = api.guest("joiner");
        int onSocket = 10; // within the socket's own event budget (20)
        try (Sock sock = Sock.connectTo(server.url(), me.token())) {
            long start = System.nanoTime();
            for (int i = 0; i < onSocket; i++) {
                Sock.ok(sock.ack(i % 2 == 0 ? "join" : "leave", new JSONObject().put("room", room)));
            }
            int overRest = allowedUntilRefused(i -> restOk(i % 2 == 0
                    ? api.put("/api/rooms/" + room + "/members/me", me.token())
                    : api.delete("/api/rooms/" + room + "/members/me", me.token()), i % 2 == 0 ? 200 : 204));
            assertWithinBudget(BURST - onSocket, overRest, start, "REST joins and leaves after " + onSocket + " on a socket");

            assertTrue(socketRefused(sock, "join", () -> new JSONObject().put("room", room)), "a socket's join after REST spent the budget");
        }
        Awaitility.await("the budget refills").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.put("/api/rooms/" + room + "/members/me", me.token()).status() == 200);
    }

    @Test
    void aSyncNamingManyConversationsSpendsOneTokenPerTen() {
        Login me = api.guest("syncer");
        int named = 200;
        JSONObject rooms = new JSONObject();
        for (int i = 0; i < named; i++) rooms.put("nosuchroom" + i, 0); // named, if not the caller's: named is what costs
        try (Sock sock = Sock.connectTo(server.url(), me.token())) {
            long start = System.nanoTime();
            Sock.ok(sock.ack("sync", new JSONObject().put("rooms", rooms)));
            int searched = allowedUntilRefused(i -> restOk(api.get("/api/search?q=hello" + i, me.token()), 200));
            assertWithinBudget(BURST - named / 10, searched, start, "searches after a sync naming " + named);

            assertTrue(socketRefused(sock, () -> new JSONObject().put("rooms", rooms)), "a sync on a spent budget");
        }
    }

    /** Calls {@code call} (true: allowed) until it is refused, at most three bursts' worth; how many were allowed. */
    private static int allowedUntilRefused(IntFunction<Boolean> call) {
        for (int i = 0; i < 3 * BURST; i++) {
            if (!call.apply(i)) return i;
        }
        throw new AssertionError("none of " + 3 * BURST + " refused");
    }

    /** Whether the call went through; a refusal must be 429 {@code rate_limited}. */
    private static boolean restOk(Reply reply, int okStatus) {
        if (reply.status() == okStatus) return true;
        assertEquals(429, reply.status(), reply.body());
        assertEquals("rate_limited", reply.errorCode());
        return false;
    }

    /** At least {@code budget} allowed, and no more than what refilled since {@code start} on top. */
    private static void assertWithinBudget(int budget, int allowed, long start, String what) {
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(allowed >= budget && allowed <= budget + (int) (seconds * PER_SECOND) + 1,
                allowed + " " + what + " allowed in " + seconds + " s; the budget left was " + budget);
    }

    private static boolean socketRefused(Sock sock, Supplier<JSONObject> payload) {
        return socketRefused(sock, "sync", payload);
    }

    /**
     * Whether one of three events in a row is refused {@code rate_limited} on a spent budget (a token
     * may refill between the last refusal and the first of them, hardly three).
     */
    private static boolean socketRefused(Sock sock, String event, Supplier<JSONObject> payload) {
        for (int i = 0; i < 3; i++) {
            JSONObject ack = sock.ack(event, payload.get());
            if (!ack.getBoolean("ok")) return "rate_limited".equals(Sock.ackError(ack));
        }
        return false;
    }
}
