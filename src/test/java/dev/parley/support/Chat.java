package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;

/** Rooms, direct messages, read markers and history pages over REST, for the chat tests. */
public final class Chat {
    private Chat() {
    }

    /** A room name no other test uses (room names are lower case). */
    public static String uniqueRoom(String prefix) {
        return Api.uniqueName(prefix).toLowerCase(Locale.ROOT);
    }

    /** A new room created by {@code creator} over REST (so the creator is its only member); its name. */
    public static String createRoom(Api api, Login creator, String prefix) {
        String name = uniqueRoom(prefix);
        Reply reply = api.post("/api/rooms", creator.token(), Api.json("name", name));
        assertEquals(201, reply.status(), () -> "create room: " + reply.body());
        return name;
    }

    /** A new private room created by {@code creator} over REST (its owner and only member); its name. */
    public static String createPrivateRoom(Api api, Login creator, String prefix) {
        String name = uniqueRoom(prefix);
        Reply reply = api.post("/api/rooms", creator.token(),
                Json.createObjectBuilder().add("name", name).add("private", true).build().toString());
        assertEquals(201, reply.status(), () -> "create private room: " + reply.body());
        return name;
    }

    /** {@code by} invites {@code who} to the room over REST. */
    public static void invite(Api api, Login by, String room, Login who) {
        Reply reply = api.post("/api/rooms/" + room + "/invites", by.token(), Api.json("username", who.username()));
        assertEquals(204, reply.status(), () -> "invite: " + reply.body());
    }

    /** The names of the rooms {@code GET /api/rooms} lists for {@code user}. */
    public static List<String> listed(Api api, Login user) {
        Reply reply = api.get("/api/rooms", user.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).toList();
    }

    /** A new room made by {@code owner} over REST and joined by {@code members}; its name. */
    public static String roomOf(Api api, Login owner, Login... members) {
        String name = createRoom(api, owner, "r");
        for (Login member : members) join(api, member, name);
        return name;
    }

    /** Joins over REST; the room object of the answer. */
    public static JsonObject join(Api api, Login user, String room) {
        Reply reply = api.put("/api/rooms/" + room + "/members/me", user.token());
        assertEquals(200, reply.status(), () -> "join: " + reply.body());
        return reply.json().getJsonObject("room");
    }

    /** Posts to a room over REST; the new message's id. */
    public static long post(Api api, Login sender, String room, String text) {
        return messageId(api.post("/api/rooms/" + room + "/messages", sender.token(), Api.json("text", text)));
    }

    /** Sends a direct message over REST; the new message's id. */
    public static long postDirect(Api api, Login sender, String to, String text) {
        return messageId(api.post("/api/conversations/" + to + "/messages", sender.token(), Api.json("text", text)));
    }

    /** Posts {@code n} messages {@code prefix0, prefix1, ...} to a room over REST; their ids in order. */
    public static List<Long> postMany(Api api, Login sender, String room, String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> post(api, sender, room, prefix + i)).toList();
    }

    /** The id of the message in a 201 {@code {message}} answer. */
    public static long messageId(Reply reply) {
        assertEquals(201, reply.status(), () -> "post: " + reply.body());
        return reply.json().getJsonObject("message").getJsonNumber("id").longValue();
    }

    /** Moves the caller's read marker in a room over REST. */
    public static void readRoom(Api api, Login user, String room, long upTo) {
        Reply reply = api.post("/api/rooms/" + room + "/read", user.token(), upTo(upTo));
        assertEquals(204, reply.status(), () -> "read: " + reply.body());
    }

    /** Moves the caller's read marker in a direct conversation over REST. */
    public static void readConversation(Api api, Login user, String with, long upTo) {
        Reply reply = api.post("/api/conversations/" + with + "/read", user.token(), upTo(upTo));
        assertEquals(204, reply.status(), () -> "read: " + reply.body());
    }

    private static String upTo(long id) {
        return Json.createObjectBuilder().add("upTo", id).build().toString();
    }

    /** The room as {@code GET /api/rooms} shows it to {@code user}. */
    public static JsonObject room(Api api, Login user, String name) {
        Reply reply = api.get("/api/rooms", user.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals(name)).findFirst()
                .orElseGet(() -> fail("room " + name + " not in GET /api/rooms: " + reply.body()));
    }

    /** The conversation with {@code with} as {@code GET /api/conversations} shows it to {@code user}. */
    public static JsonObject conversation(Api api, Login user, String with) {
        Reply reply = api.get("/api/conversations", user.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("with").equals(with)).findFirst()
                .orElseGet(() -> fail("no conversation with " + with + " in GET /api/conversations: " + reply.body()));
    }

    public static int roomUnread(Api api, Login user, String room) {
        return room(api, user, room).getInt("unread");
    }

    public static int conversationUnread(Api api, Login user, String with) {
        return conversation(api, user, with).getInt("unread");
    }

    /** The ids of a REST page's {@code messages}, in the order given. */
    public static List<Long> ids(JsonArray messages) {
        return messages.getValuesAs(JsonObject.class).stream().map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    /** The ids of a Socket.IO ack's {@code messages}, in the order given. */
    public static List<Long> ids(JSONArray messages) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) ids.add(messages.getJSONObject(i).getLong("id"));
        return ids;
    }

    /** The next {@code room_created} for the room {@code name} (others, from rooms made meanwhile, are skipped). */
    public static JSONObject awaitRoomCreated(Sock sock, String name) {
        while (true) {
            JSONObject room = sock.awaitJson("room_created");
            if (name.equals(room.optString("name"))) return room;
        }
    }

    /** The error code of a failed ack, after checking {@code ok} is false. */
    public static String ackError(JSONObject ack) {
        assertEquals(false, ack.getBoolean("ok"), () -> "expected a failed ack: " + ack);
        return ack.getJSONObject("error").getString("code");
    }

    /** The {@code message} payload for a room. */
    public static JSONObject say(String room, String text) {
        return new JSONObject().put("room", room).put("text", text);
    }

    /** The {@code private_message} payload. */
    public static JSONObject dm(String to, String text) {
        return new JSONObject().put("to", to).put("text", text);
    }

    /** A payload naming only a room ({@code join}, {@code leave}, {@code typing}, {@code focus}). */
    public static JSONObject inRoom(String room) {
        return new JSONObject().put("room", room);
    }

    /** The ack, after checking {@code ok} is true. */
    public static JSONObject ok(JSONObject ack) {
        assertEquals(true, ack.getBoolean("ok"), () -> "expected a successful ack: " + ack);
        return ack;
    }

    /**
     * Posts to {@code feed} and waits until each socket got that message: events sent to a socket before
     * it came first, so a socket that had nothing else by then was sent nothing else (see {@code Sock.noMore}).
     */
    public static void fence(Api api, Login by, Sock... socks) {
        long id = post(api, by, "feed", "fence");
        for (Sock s : socks) {
            while (s.awaitJson("message").getLong("id") != id) {
                // feed traffic from before the fence
            }
        }
    }

    /**
     * {@link #fence}, after every {@code notification} due before it: notifications are sent after
     * their messages by one line per node, in commit order, off the committing thread, so a message
     * fence alone may pass a notification still in that line. A fresh user's mention, awaited on their
     * socket, has passed the line; the message fence after it reaches each socket after whatever was
     * queued on it before.
     */
    public static void fenceNotifications(Api api, Login by, Sock... socks) {
        Login watcher = api.guest("fence");
        try (Sock watching = Sock.connectTo(api.url(), watcher.token())) {
            long id = post(api, by, "feed", "fence @" + watcher.username());
            while (watching.awaitJson("notification").getLong("messageId") != id) {
                // nothing else mentions a fresh user; kept a loop for clarity
            }
        }
        fence(api, by, socks);
    }
}
