package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
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
import java.util.concurrent.atomic.AtomicInteger;
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
        String room = api.roomOf(users.get(0), users.subList(1, USERS).toArray(Login[]::new));
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
            List<Long> history = Api.ids(page.getJsonArray("messages"));
            assertEquals(expected, history.size(), "messages in history");
            for (int i = 1; i < history.size(); i++) assertTrue(history.get(i - 1) < history.get(i), "history order: " + history);
            assertEquals(new HashSet<>(idOf.values()), new HashSet<>(history));
            Map<String, Long> stored = new HashMap<>();
            for (JsonObject m : page.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                assertEquals(null, stored.put(m.getString("clientMsgId"), m.getJsonNumber("id").longValue()), "stored twice: " + m);
            }
            assertEquals(idOf, stored);

            // A marker last, so that whatever was on its way to a socket has arrived once it has.
            long marker = api.postMessage(users.get(0), room, "marker " + run);
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

    /**
     * Posts to many rooms and conversations at once (the server stores posts to different rooms and
     * conversations in one transaction): each acked once, each room's ids rising in the order its
     * messages are delivered (commit order) and in each socket's sending order, nothing lost, and
     * one post's refusal (a room its sender is not in) its own.
     */
    @Test
    void postsToManyRoomsAndConversationsAtOnceAreEachAckedOnceAndStoredInCommitOrderPerRoom() throws Exception {
        int roomCount = 8, perRoom = 3, postsEach = 6;
        List<Login> users = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            List<Login> members = new ArrayList<>();
            for (int m = 0; m < perRoom; m++) members.add(api.guest("cr"));
            rooms.add(api.roomOf(members.get(0), members.subList(1, perRoom).toArray(Login[]::new)));
            users.addAll(members);
        }
        Login listener = api.guest("cl"); // in every room, sends nothing: sees each room's messages in commit order
        for (String room : rooms) api.join(listener, room);
        List<Sock> socks = new ArrayList<>();
        Sock ears = Sock.connect(listener.token());
        try {
            for (Login user : users) socks.add(Sock.connect(user.token()));
            String run = Api.uniqueName("x");
            List<Post> posts = new ArrayList<>();
            List<AtomicInteger> acks = new ArrayList<>();
            for (int j = 0; j < postsEach; j++) {
                for (int s = 0; s < socks.size(); s++) {
                    AtomicInteger count = new AtomicInteger();
                    acks.add(count);
                    if (j % 2 == 0) {
                        posts.add(emit(socks, s, "message", "room", rooms.get(s / perRoom), run + "-" + s + "-" + j, count));
                    } else { // to the next user, direct
                        posts.add(emit(socks, s, "private_message", "to", users.get((s + 1) % users.size()).username(), run + "-" + s + "-" + j, count));
                    }
                }
            }
            // One refused among them: a room the sender is not in.
            AtomicInteger refusedCount = new AtomicInteger();
            Post refused = emit(socks, 0, "message", "room", rooms.get(1), run + "-refused", refusedCount);

            Map<String, List<Long>> idsByRoom = new HashMap<>();
            Map<Integer, List<Long>> idsBySocket = new HashMap<>();
            Set<Long> all = new HashSet<>();
            for (Post post : posts) {
                JSONObject message = Sock.ok(post.ack().get(30, TimeUnit.SECONDS)).getJSONObject("message");
                assertEquals(post.clientMsgId(), message.getString("clientMsgId"));
                assertTrue(all.add(message.getLong("id")), () -> "one id for two posts: " + message);
                if (message.has("room") && !message.isNull("room")) {
                    idsByRoom.computeIfAbsent(message.getString("room"), r -> new ArrayList<>()).add(message.getLong("id"));
                }
                idsBySocket.computeIfAbsent(post.socket(), s -> new ArrayList<>()).add(message.getLong("id"));
            }
            assertEquals("forbidden", Sock.ackError(refused.ack().get(30, TimeUnit.SECONDS)));
            for (List<Long> own : idsBySocket.values()) assertEquals(own.stream().sorted().toList(), own, "a socket's ids in sending order");

            // Each room's history: exactly its acked messages, ids rising.
            for (String room : rooms) {
                JsonObject page = api.get("/api/rooms/" + room + "/messages?after=0&limit=200", listener.token()).json();
                List<Long> history = Api.ids(page.getJsonArray("messages"));
                assertEquals(idsByRoom.get(room).stream().sorted().toList(), history, "history of " + room);
            }
            // Delivered to the listener once each, in each room in id order: commit order.
            long marker = api.postMessage(users.get(0), rooms.get(0), "marker " + run);
            Map<String, List<Long>> heard = new HashMap<>();
            for (JSONObject m; (m = ears.awaitJson("message")).getLong("id") != marker; ) {
                heard.computeIfAbsent(m.getString("room"), r -> new ArrayList<>()).add(m.getLong("id"));
            }
            for (String room : rooms) {
                assertEquals(idsByRoom.get(room).stream().sorted().toList(), heard.get(room), "delivered in " + room);
            }
            // Each ack came once (a second would have arrived with the marker's delivery by now).
            for (AtomicInteger count : acks) assertEquals(1, count.get(), "acks of one post");
            assertEquals(1, refusedCount.get(), "acks of the refused post");
        } finally {
            socks.forEach(Sock::close);
            ears.close();
        }
    }

    /** A post to a room ({@code message}, "room") or to a user ({@code private_message}, "to"), counting its acks. */
    private static Post emit(List<Sock> socks, int socket, String event, String key, String target, String clientMsgId,
                             AtomicInteger acks) {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        JSONObject payload = new JSONObject().put(key, target).put("text", "text of " + clientMsgId).put("clientMsgId", clientMsgId);
        socks.get(socket).socket().emit(event, new Object[] {payload}, (Ack) args -> {
            acks.incrementAndGet();
            ack.complete((JSONObject) args[0]);
        });
        return new Post(socket, clientMsgId, ack);
    }

    private static Post send(List<Sock> socks, int socket, String room, String clientMsgId) {
        return emit(socks, socket, "message", "room", room, clientMsgId, new AtomicInteger());
    }
}
