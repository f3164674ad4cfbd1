package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Chat;
import dev.parley.support.Sock;
import io.socket.client.Ack;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Many sockets posting to one room at once (the server stores such posts in batches, one
 * transaction each): every post acked, stored once, delivered once to every other socket in the
 * room and never to the socket that sent it, and a clientMsgId sent twice at once stored once.
 */
class ConcurrentPostsIT {
    private static final int USERS = 10;
    private static final int SOCKETS_PER_USER = 3;
    private static final int POSTS_PER_SOCKET = 4;

    private final Api api = Api.server();

    /** One socket's post: its ack, to come. */
    private record Post(int socket, String clientMsgId, CompletableFuture<JSONObject> ack) {
    }

    @Test
    void manySocketsPostingToOneRoomAtOnceAreEachStoredOnceAndDeliveredOnceToEveryOtherSocket() throws Exception {
        List<Login> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) users.add(api.guest("cp"));
        String room = Chat.roomOf(api, users.get(0), users.subList(1, USERS).toArray(Login[]::new));
        List<Sock> socks = new ArrayList<>();
        try {
            for (Login user : users) {
                for (int s = 0; s < SOCKETS_PER_USER; s++) socks.add(Sock.connect(user.token()));
            }
            String run = Api.uniqueName("run");
            List<Post> posts = new ArrayList<>();
            // Each user's first two sockets send the same clientMsgId at the same moment: one message.
            for (int u = 0; u < USERS; u++) {
                String twice = run + "-twice-" + u;
                posts.add(send(socks, u * SOCKETS_PER_USER, room, twice));
                posts.add(send(socks, u * SOCKETS_PER_USER + 1, room, twice));
            }
            for (int j = 0; j < POSTS_PER_SOCKET; j++) {
                for (int s = 0; s < socks.size(); s++) posts.add(send(socks, s, room, run + "-" + s + "-" + j));
            }

            Map<String, Long> idOf = new HashMap<>();
            Map<Integer, List<Long>> idsBySocket = new HashMap<>();
            for (Post post : posts) {
                JSONObject ack = post.ack().get(30, TimeUnit.SECONDS);
                assertTrue(ack.getBoolean("ok"), () -> post + ": " + ack);
                JSONObject message = ack.getJSONObject("message");
                assertEquals(post.clientMsgId(), message.getString("clientMsgId"));
                assertEquals(room, message.getString("room"));
                Long before = idOf.putIfAbsent(post.clientMsgId(), message.getLong("id"));
                if (before != null) assertEquals(before, message.getLong("id"), () -> "a resent clientMsgId: " + post);
                idsBySocket.computeIfAbsent(post.socket(), s -> new ArrayList<>()).add(message.getLong("id"));
            }
            int expected = USERS + socks.size() * POSTS_PER_SOCKET;
            assertEquals(expected, new HashSet<>(idOf.values()).size(), "distinct messages acked");
            // A socket's posts are handled in order: their ids rise in that order.
            for (int s = 0; s < socks.size(); s++) {
                List<Long> own = idsBySocket.get(s).subList(idsBySocket.get(s).size() - POSTS_PER_SOCKET, idsBySocket.get(s).size());
                assertEquals(own.stream().sorted().toList(), own, "ids of socket " + s + "'s posts in sending order");
            }

            // History: each message once, ids strictly rising, exactly the acked ones.
            JsonObject page = api.get("/api/rooms/" + room + "/messages?after=0&limit=200", users.get(0).token()).json();
            List<Long> history = Chat.ids(page.getJsonArray("messages"));
            assertEquals(expected, history.size(), "messages in history");
            for (int i = 1; i < history.size(); i++) assertTrue(history.get(i - 1) < history.get(i), "history order: " + history);
            assertEquals(new HashSet<>(idOf.values()), new HashSet<>(history));
            Map<String, Long> stored = new HashMap<>();
            for (JsonObject m : page.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                assertEquals(null, stored.put(m.getString("clientMsgId"), m.getJsonNumber("id").longValue()), "stored twice: " + m);
            }
            assertEquals(idOf, stored);

            // A marker last, so that whatever was on its way to a socket has arrived once it has.
            long marker = Chat.post(api, users.get(0), room, "marker " + run);
            Set<Long> allIds = new HashSet<>(idOf.values());
            Map<Integer, Set<Long>> missedBySocket = new HashMap<>();
            for (int s = 0; s < socks.size(); s++) {
                List<Long> got = new ArrayList<>();
                for (long id; (id = socks.get(s).awaitJson("message").getLong("id")) != marker; ) got.add(id);
                Set<Long> distinct = new HashSet<>(got);
                assertEquals(got.size(), distinct.size(), "socket " + s + " got a message twice");
                assertTrue(allIds.containsAll(distinct), "socket " + s + " got messages of no post");
                Set<Long> missed = new HashSet<>(allIds);
                missed.removeAll(distinct);
                missedBySocket.put(s, missed);
            }
            // What a socket does not get is what it sent: its own posts and, of a clientMsgId its
            // user sent from two sockets at once, the message if this socket's copy stored it.
            for (int u = 0; u < USERS; u++) {
                long twice = idOf.get(run + "-twice-" + u);
                int missedTwice = 0;
                for (int s = u * SOCKETS_PER_USER; s < (u + 1) * SOCKETS_PER_USER; s++) {
                    List<Long> ids = idsBySocket.get(s);
                    Set<Long> own = new HashSet<>(ids.subList(ids.size() - POSTS_PER_SOCKET, ids.size()));
                    Set<Long> missed = new HashSet<>(missedBySocket.get(s));
                    boolean sentTwice = s < u * SOCKETS_PER_USER + 2;
                    if (sentTwice && missed.remove(twice)) missedTwice++;
                    assertEquals(own, missed, "messages socket " + s + " did not get, its doubly sent one aside");
                }
                assertEquals(1, missedTwice, "sockets of user " + u + " that did not get their doubly sent message");
            }
        } finally {
            socks.forEach(Sock::close);
        }
    }

    private static Post send(List<Sock> socks, int socket, String room, String clientMsgId) {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        JSONObject payload = new JSONObject().put("room", room).put("text", "text of " + clientMsgId).put("clientMsgId", clientMsgId);
        socks.get(socket).socket().emit("message", new Object[] {payload}, (Ack) args -> ack.complete((JSONObject) args[0]));
        return new Post(socket, clientMsgId, ack);
    }
}
