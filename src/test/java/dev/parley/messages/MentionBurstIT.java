package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Sock.Arrival;
import dev.parley.support.Users.Guest;
import io.socket.client.Ack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Notifications are sent off the thread that stores a batch of posts, by one line per node (see
 * {@code realtime/control/Notifier}): a burst of mentions of one user from many senders at once,
 * stored in batches, still tells each of that user's sockets of each message once, in the messages'
 * order, each after the message itself, with the unread count just after that message.
 */
class MentionBurstIT {
    private static final int SENDERS = 10;
    private static final int POSTS_PER_SENDER = 5;

    private final Api api = Api.server();

    @Test
    void aBurstOfMentionsOfOneUserNotifiesEachOfTheirSocketsOfEachOnceInOrderAfterItsMessage(@Guest("mb_bob") Login bob) throws Exception {
        List<Login> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) senders.add(api.guest("mb"));
        List<Sock> sending = new ArrayList<>();
        try (Sock bobs = Sock.connect(bob.token()); Sock bobsPolling = Sock.connect(bob.token(), "polling")) {
            for (Login sender : senders) sending.add(Sock.connect(sender.token()));
            List<CompletableFuture<JSONObject>> acks = new ArrayList<>();
            for (int j = 0; j < POSTS_PER_SENDER; j++) {
                for (Sock s : sending) {
                    CompletableFuture<JSONObject> ack = new CompletableFuture<>();
                    s.socket().emit("message", new JSONObject().put("room", "feed").put("text", "@" + bob.username() + " burst " + j),
                            (Ack) args -> ack.complete((JSONObject) args[0]));
                    acks.add(ack);
                }
            }
            Set<Long> ids = new HashSet<>();
            for (CompletableFuture<JSONObject> ack : acks) {
                JSONObject answer = ack.get(30, TimeUnit.SECONDS);
                assertTrue(answer.getBoolean("ok"), answer.toString());
                ids.add(answer.getJSONObject("message").getLong("id"));
            }
            assertEquals(SENDERS * POSTS_PER_SENDER, ids.size());
            List<Long> inOrder = ids.stream().sorted().toList(); // ids rise in commit order within a room

            for (Sock sock : List.of(bobs, bobsPolling)) {
                List<JSONObject> notes = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) notes.add(sock.awaitJson("notification"));
                assertEquals(inOrder, notes.stream().map(n -> n.getLong("messageId")).toList(), "each mention once, in order");
                for (int i = 0; i < notes.size(); i++) {
                    assertEquals("mention", notes.get(i).getString("kind"), notes.get(i).toString());
                    assertEquals("feed", notes.get(i).getString("room"), notes.get(i).toString());
                    if (i > 0) {
                        assertTrue(notes.get(i).getLong("unread") > notes.get(i - 1).getLong("unread"),
                                () -> "each count is the one just after its message: " + notes);
                    }
                }
                List<Arrival> arrived = sock.arrivedSoFar();
                for (long id : inOrder) {
                    int message = indexOf(arrived, "message", "id", id);
                    int notification = indexOf(arrived, "notification", "messageId", id);
                    assertTrue(message >= 0 && message < notification, "message " + id + " before its notification");
                }
            }
            api.fenceNotifications(senders.get(0), bobs, bobsPolling);
            assertTrue(bobs.noMore("notification") && bobsPolling.noMore("notification"), "no mention notified twice");
        } finally {
            sending.forEach(Sock::close);
        }
    }

    private static int indexOf(List<Arrival> arrived, String event, String key, long id) {
        for (int i = 0; i < arrived.size(); i++) {
            if (arrived.get(i).event().equals(event) && arrived.get(i).payload() instanceof JSONObject json && json.optLong(key) == id) {
                return i;
            }
        }
        return -1;
    }
}
