package dev.parley.realtime.boundary;

import dev.parley.errors.InvalidPayload;
import dev.parley.limits.control.ReadBudget;
import dev.parley.messages.control.read.History;
import dev.parley.messages.control.write.Messages;
import dev.parley.messages.control.read.ReadMarkers;
import dev.parley.messages.control.TypingAnnouncer;
import dev.parley.messages.entity.Page;
import dev.parley.messages.entity.Synced;
import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.realtime.server.Payload;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.entity.Room;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Messages, history, read markers, typing, focus and sync from a socket. */
@ApplicationScoped
public class ChatEvents {
    @Inject
    Handlers handlers;

    @Inject
    Messages messages;

    @Inject
    History history;

    @Inject
    ReadMarkers markers;

    @Inject
    Connections connections;

    @Inject
    TypingAnnouncer typing;

    @Inject
    ReadBudget reads;

    /** Registers the handlers, once for all sockets. */
    public void register() {
        handlers.on("message", this::message);
        handlers.on("private_message", (me, s, payload) -> {
            Payload p = Payload.of(payload);
            return Map.of("message", messages.postDirect(me.userId(), s.getId(), p.string("to"), p.optString("text"),
                    p.optString("clientMsgId"), p.optLong("replyTo"), p.optIds("files")).message()); // no text: refused unless with files
        });
        handlers.on("history", this::history);
        handlers.on("read", this::read);
        handlers.on("typing", this::typing);
        handlers.on("focus", this::focus);
        handlers.on("sync", (me, s, payload) -> {
            Payload p = Payload.of(payload);
            Map<String, Long> rooms = p.idsByName("rooms");
            Map<String, Long> conversations = p.idsByName("conversations");
            reads.spendOnSync(me.userId(), rooms.size() + conversations.size());
            Synced synced = history.sync(me.userId(), rooms, conversations, p.optInstant("since"));
            return Map.of("messages", synced.messages(), "updates", synced.updates(), "hasMore", synced.hasMore(),
                    "syncedAt", synced.syncedAt());
        });
    }

    private Map<String, ?> message(SocketCaller me, SocketIoSocket socket, Object payload) {
        if (payload instanceof String bare) {
            return Map.of("message", messages.postToRoom(me.userId(), socket.getId(), Room.FEED, bare, null, null).message());
        }
        Payload p = Payload.of(payload);
        String room = p.optString("room");
        return Map.of("message", messages.postToRoom(me.userId(), socket.getId(), room != null ? room : Room.FEED,
                p.optString("text"), p.optString("clientMsgId"), p.optLong("replyTo"), p.optIds("files")).message()); // text checked after access
    }

    private Map<String, ?> history(SocketCaller me, SocketIoSocket socket, Object payload) {
        Payload p = Payload.of(payload);
        Target target = Target.of(p, "with");
        Page page = target.room() != null
                ? history.room(me.userId(), target.room(), p.optLong("before"), p.optLong("after"), p.optInt("limit"))
                : history.conversation(me.userId(), target.user(), p.optLong("before"), p.optLong("after"), p.optInt("limit"));
        return Map.of("messages", page.messages(), "hasMore", page.hasMore());
    }

    private Map<String, ?> read(SocketCaller me, SocketIoSocket socket, Object payload) {
        Payload p = Payload.of(payload);
        Target target = Target.of(p, "with");
        Long upTo = p.optLong("upTo"); // null and negative ids are ReadMarkers' to refuse, as for REST
        if (target.room() != null) markers.readRoom(me.userId(), target.room(), upTo);
        else markers.readConversation(me.userId(), target.user(), upTo);
        return Map.of();
    }

    private Map<String, ?> typing(SocketCaller me, SocketIoSocket socket, Object payload) {
        Target target = Target.of(Payload.of(payload), "to");
        typing.typing(me.userId(), me.username(), target.room(), target.user());
        return Map.of();
    }

    /** Which conversation this socket shows now ({@code {}}: none); it decides who gets notifications. */
    private Map<String, ?> focus(SocketCaller me, SocketIoSocket socket, Object payload) {
        Payload p = Payload.of(payload);
        String room = p.optString("room");
        String with = p.optString("with");
        if (room != null && with != null) throw new InvalidPayload("Give room or with, not both");
        connections.focus(socket, room != null ? SocketRooms.focusOnRoom(RoomAccess.checkName(room))
                : with != null ? SocketRooms.focusOnConversation(with) : null);
        return Map.of();
    }

    /** A room ({@code room}) or a user ({@code with} or {@code to}): exactly one of the two. */
    private record Target(String room, String user) {
        static Target of(Payload p, String userKey) {
            String room = p.optString("room");
            String user = p.optString(userKey);
            if ((room == null) == (user == null)) throw new InvalidPayload("Give room or " + userKey + ", one of the two");
            return new Target(room, user);
        }
    }
}
