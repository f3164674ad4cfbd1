package dev.parley.realtime.server;

import dev.parley.accounts.entity.User;
import dev.parley.errors.ErrorCode;
import dev.parley.messages.control.Notice;
import dev.parley.messages.entity.MessageView;
import dev.parley.http.Json;
import dev.parley.presence.control.PresenceBatched;
import dev.parley.presence.entity.OnlineSnapshot;
import dev.parley.realtime.engine.FanOut;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.entity.EndReason;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Everything Parley sends a socket, one typed method per event of the contract (docs/contract.md,
 * asyncapi.yaml), plus the acks and {@code error} of {@link Handlers}: the wire format lives here
 * alone. Payloads are written by the same JSON-B as REST bodies, as socket.io-server wants them
 * (org.json). What a socket sends is read by {@link Payload}.
 */
@ApplicationScoped
public class SocketWriter {
    @Inject
    SocketServer server;

    /**
     * {@code ready} {@code {user, rooms, online, onlineCount, serverTime}}. The online list is already
     * JSON text, written once per change of who is online: it is sent as is, not parsed into org.json
     * and written again for every socket.
     */
    public void ready(SocketIoSocket socket, User user, List<RoomView> rooms, OnlineSnapshot online) {
        FanOut.sendEncoded(socket, "ready", "{\"user\":" + Json.JSONB.toJson(user.view())
                + ",\"rooms\":" + Json.JSONB.toJson(rooms)
                + ",\"online\":" + online.json() + ",\"onlineCount\":" + online.count()
                + ",\"serverTime\":" + Json.JSONB.toJson(online.asOf()) + "}");
    }

    /** {@code message}, or {@code private_message} for a direct one; returns how many sockets it was queued on. */
    public int message(MessageView message, boolean direct, Audience to) {
        return broadcast(direct ? "private_message" : "message", json(message), to);
    }

    /** {@code message_updated}: the whole message. */
    public void messageUpdated(MessageView message, Audience to) {
        broadcast("message_updated", json(message), to);
    }

    /** {@code message_deleted} {@code {id, room?, to?, from}}. */
    public void messageDeleted(MessageView message, Audience to) {
        JSONObject payload = new JSONObject().put("id", message.id()).put("from", message.from() == null ? JSONObject.NULL : message.from());
        if (message.room() != null) payload.put("room", message.room());
        if (message.to() != null) payload.put("to", message.to());
        broadcast("message_deleted", payload, to);
    }

    /** {@code notification}: the notice's payload, encoded once for all the sockets. */
    public void notification(List<SocketIoSocket> sockets, Notice notice) {
        if (sockets.isEmpty()) return;
        JSONObject payload = new JSONObject(notice.payload());
        sockets.forEach(socket -> socket.send("notification", payload));
    }

    /** {@code typing} {@code {from, room?}}. */
    public void typing(String from, String room, Audience to) {
        JSONObject payload = new JSONObject().put("from", from);
        if (room != null) payload.put("room", room);
        broadcast("typing", payload, to);
    }

    /** {@code presence} {@code {users: [{username, displayName, online, at}]}}: one frame, encoded once. */
    public void presence(PresenceBatched batch, Audience to) {
        broadcast("presence", json(batch), to);
    }

    /** {@code room_created}, the room as the audience sees it. */
    public void roomCreated(RoomView room, Audience to) {
        broadcast("room_created", json(room), to);
    }

    /** {@code room_created} to each of these sockets. */
    public void roomCreated(List<SocketIoSocket> sockets, RoomView room) {
        JSONObject payload = json(room);
        sockets.forEach(socket -> socket.send("room_created", payload));
    }

    /** {@code room_invited}: the room as the invitee sees it. */
    public void roomInvited(RoomView room, Audience to) {
        broadcast("room_invited", json(room), to);
    }

    /** {@code room_updated} to each of one user's sockets: the room as that user sees it. */
    public void roomUpdated(List<SocketIoSocket> sockets, RoomView room) {
        JSONObject payload = json(room);
        sockets.forEach(socket -> socket.send("room_updated", payload));
    }

    /** {@code user_updated} {@code {username, displayName}}: one frame, encoded once. */
    public void userUpdated(String username, String displayName, Audience to) {
        broadcast("user_updated", new JSONObject().put("username", username).put("displayName", displayName), to);
    }

    /** {@code room_removed} {@code {room, reason}}: kicked or banned. */
    public void roomRemoved(SocketIoSocket socket, String room, String reason) {
        socket.send("room_removed", new JSONObject().put("room", room).put("reason", reason));
    }

    /** {@code session_terminated} {@code {reason}}. */
    public void sessionTerminated(SocketIoSocket socket, EndReason reason) {
        socket.send("session_terminated", new JSONObject().put("reason", reason.wire()));
    }

    /** An ack {@code {ok: true, ...fields}}. */
    static JSONObject ok(Map<String, ?> fields) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ok", true);
        ack.putAll(fields);
        return json(ack);
    }

    /** An ack {@code {ok: false, error: {code, message}}}. */
    static JSONObject failed(ErrorCode code, String message) {
        return new JSONObject().put("ok", false).put("error", error(code, message));
    }

    /** The {@code error} event {@code {code, message}}, for an event that failed without asking for an ack. */
    static void error(SocketIoSocket socket, ErrorCode code, String message) {
        socket.send("error", error(code, message));
    }

    private static JSONObject error(ErrorCode code, String message) {
        return new JSONObject().put("code", code.wire()).put("message", message);
    }

    private int broadcast(String event, JSONObject payload, Audience to) {
        return server.fanOut().deliver(FanOut.event(event, payload), to.rooms(), to.except());
    }

    private static JSONObject json(Object value) {
        return new JSONObject(Json.JSONB.toJson(value));
    }
}
