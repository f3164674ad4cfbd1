package dev.parley.rooms;

import static dev.parley.support.Sock.inRoom;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A socket that connects while its user is kicked or banned gets nothing more from the room, and one
 * that connects while its user joins a room is in it: the connect reads the user's rooms, and the
 * change's after-commit work may move the user's sockets between that read and the socket joining
 * what it read. Each try races a few fresh sockets against a removal and a join, the removal started
 * a little later each time so that the tries sweep the connect's window.
 */
class RemovedWhileConnectingIT {
    private static final int TRIES = 150;
    private static final int SOCKETS = 3;
    private static final ExecutorService KICKER = Executors.newSingleThreadExecutor();

    private final Api api = Api.server();

    @AfterAll
    static void stop() {
        KICKER.shutdownNow();
    }

    @Test
    void aSocketConnectingWhileItsUserIsRemovedGetsNothingMoreFromTheRoom(@Guest("rwc_o") Login owner) throws Exception {
        String room = api.createRoom(owner, "rwc_r");
        String joined = api.createRoom(owner, "rwc_j");
        List<Sock> typists = new ArrayList<>(); // one socket's event budget would not last the tries
        for (int i = 0; i < 5; i++) typists.add(api.connect(owner));
        List<String> leaks = new ArrayList<>();
        try {
            for (int i = 0; i < TRIES; i++) {
                Login member = api.guest("rwc_m");
                api.join(member, room);
                boolean ban = i % 2 == 0;
                long delayMicros = (i % 24) * 500L;
                CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(delayMicros));
                    String path = ban ? "/api/rooms/" + room + "/bans/" + member.username() : "/api/rooms/" + room + "/members/" + member.username();
                    assertEquals(204, (ban ? api.put(path, owner.token()) : api.delete(path, owner.token())).status());
                    api.join(member, joined);
                }, KICKER);
                List<Sock> socks = new ArrayList<>();
                for (int s = 0; s < SOCKETS; s++) socks.add(Sock.open(Sock.options(member.token(), "websocket")));
                try {
                    change.get(Sock.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    socks.forEach(Sock::awaitReady);
                    api.postMessage(owner, room, "after the removal");
                    ok(typists.get(i % typists.size()).ack("typing", inRoom(room)));
                    long welcome = api.postMessage(owner, joined, "to the room joined");
                    long marker = api.postDirect(owner, member.username(), "marker");
                    List<String> wrong = new ArrayList<>();
                    for (Sock sock : socks) {
                        String leak = leakOf(sock, room, welcome, marker);
                        if (leak != null) wrong.add(leak);
                    }
                    if (!wrong.isEmpty()) leaks.add("try " + i + (ban ? " (ban, " : " (kick, ") + delayMicros + " µs): " + wrong);
                } finally {
                    socks.forEach(Sock::close);
                }
            }
        } finally {
            typists.forEach(Sock::close);
        }
        assertTrue(leaks.isEmpty(), leaks.size() + " of " + TRIES + " tries went wrong: " + leaks);
    }

    /**
     * What went wrong on the socket, or null: by the direct message {@code marker} and its notification
     * (sent after everything due before them), the room's message, typing and notification must not
     * have arrived, and the message of the room joined must have.
     */
    private static String leakOf(Sock sock, String room, long welcome, long marker) {
        assertEquals(marker, sock.awaitJson("private_message").getLong("id"));
        while (sock.awaitJson("notification").getLong("messageId") != marker) {
            // the joined room's notification comes before the marker's
        }
        boolean welcomed = false;
        for (Sock.Arrival arrival : sock.arrivedSoFar()) {
            if (!(arrival.payload() instanceof JSONObject payload)) continue;
            if (room.equals(payload.optString("room")) && !arrival.event().equals("room_removed")) {
                return arrival.event() + " " + payload;
            }
            if (arrival.event().equals("message") && payload.getLong("id") == welcome) welcomed = true;
        }
        return welcomed ? null : "no message " + welcome + " from the room joined meanwhile";
    }
}
