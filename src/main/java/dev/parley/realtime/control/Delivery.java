package dev.parley.realtime.control;

import dev.parley.messages.control.MessagePosted;
import dev.parley.messages.control.ReadMarkers;
import dev.parley.messages.entity.MessageView;
import dev.parley.presence.control.PresenceBatched;
import dev.parley.rooms.control.MembershipChanged;
import dev.parley.rooms.control.RoomCreated;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.control.SessionsEnded;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.json.JSONObject;

/**
 * Acts on this node's sockets for what other components have committed: delivers messages and
 * notifications, moves sockets between rooms, announces rooms and presence, relays typing, and cuts
 * off the sockets of ended sessions.
 */
@ApplicationScoped
public class Delivery {
    private static final int PREVIEW = 100;

    @Inject
    Engine engine;

    @Inject
    Connections connections;

    @Inject
    ReadMarkers markers;

    @Inject
    @Metric(name = "parley_deliveries", absolute = true, description = "Messages sent to sockets")
    Counter deliveries;

    /** Created at startup, so that its metric is on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    /** To every socket in the room (or of both people) but the one that sent it, then notifications. */
    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        MessageView message = posted.message();
        JSONObject payload = Wire.json(message);
        String[] targets = posted.isDirect()
                ? new String[] {SocketRooms.ofUser(posted.recipientId()), SocketRooms.ofUser(posted.senderId())}
                : new String[] {SocketRooms.of(message.room())};
        String event = posted.isDirect() ? "private_message" : "message";
        // Not Handlers.currentSocket(): the thread committing may have stored other sockets' posts.
        String[] exclude = posted.senderSocketId() == null ? null : new String[] {posted.senderSocketId()};
        deliveries.inc(engine.fanOut().deliver(Packets.event(event, payload), targets, exclude));
        if (posted.isDirect()) {
            notifyRecipient(posted);
        } else if (!Room.FEED.equals(message.room())) {
            notifyMembers(posted);
        }
    }

    /**
     * A notification to each member's socket not showing the room, with that member's unread count.
     * The members' sockets on this node are the room's sockets (each joins its user's rooms, and
     * follows their changes): read from memory rather than the room's member list from the database,
     * a query per message (6% of server CPU storing messages to many rooms, JFR).
     */
    private void notifyMembers(MessagePosted posted) {
        String focus = SocketRooms.focusOnRoom(posted.message().room());
        Map<Long, List<SocketIoSocket>> unfocused = new HashMap<>();
        for (SocketIoSocket socket : engine.fanOut().listClients(SocketRooms.of(posted.message().room()))) {
            Identity who = connections.identityOf(socket);
            if (who == null || who.userId() == posted.senderId() || focus.equals(connections.focusOf(socket))) continue;
            unfocused.computeIfAbsent(who.userId(), m -> new ArrayList<>()).add(socket);
        }
        if (unfocused.isEmpty()) return;
        Map<Long, Long> unread = markers.unreadInRoom(posted.roomId(), unfocused.keySet());
        unfocused.forEach((member, sockets) -> {
            JSONObject note = notification("message", posted.message(), unread.getOrDefault(member, 0L))
                    .put("room", posted.message().room());
            sockets.forEach(s -> s.send("notification", note));
        });
    }

    private void notifyRecipient(MessagePosted posted) {
        String focus = SocketRooms.focusOnConversation(posted.message().from());
        List<SocketIoSocket> sockets = connections.ofUser(posted.recipientId()).stream()
                .filter(s -> !focus.equals(connections.focusOf(s))).toList();
        if (sockets.isEmpty()) return;
        JSONObject note = notification("private_message", posted.message(),
                markers.unreadOfRecipient(posted.senderId(), posted.recipientId()))
                .put("with", posted.message().from()); // the other party, seen from the recipient
        sockets.forEach(s -> s.send("notification", note));
    }

    private static JSONObject notification(String kind, MessageView message, long unread) {
        String text = message.text();
        String preview = text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
        return new JSONObject().put("kind", kind).put("from", message.from()).put("preview", preview).put("unread", unread)
                .put("messageId", message.id());
    }

    /** Joining or leaving on one socket moves every socket of the user. */
    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String room = SocketRooms.of(change.room());
        for (SocketIoSocket socket : connections.ofUser(change.userId())) {
            if (change.joined()) socket.joinRoom(room);
            else socket.leaveRoom(room);
        }
    }

    /** Everyone hears of a new room; the creator's sockets see it as theirs. */
    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated created) {
        RoomView asCreator = created.room();
        RoomView asOthers = new RoomView(asCreator.name(), asCreator.topic(), asCreator.createdBy(), asCreator.createdAt(),
                asCreator.members(), false, 0);
        List<SocketIoSocket> creators = connections.ofUser(created.creatorId());
        String[] exclude = creators.stream().map(SocketIoSocket::getId).toArray(String[]::new);
        engine.fanOut().deliver(Packets.event("room_created", Wire.json(asOthers)), null, exclude);
        JSONObject mine = Wire.json(asCreator);
        creators.forEach(s -> s.send("room_created", mine));
    }

    /** One frame for every socket, encoded once: {@code {users: [{username, displayName, online, at}]}}. */
    void presence(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceBatched batch) {
        engine.fanOut().deliver(Packets.event("presence", Wire.json(batch)), null, null);
    }

    /** To the room's other members, or to the other person; none of the typist's own sockets. */
    void typing(@Observes(during = TransactionPhase.AFTER_SUCCESS) Typing typing) {
        JSONObject payload = new JSONObject().put("from", typing.from());
        if (typing.room() != null) payload.put("room", typing.room());
        String target = typing.room() != null ? SocketRooms.of(typing.room()) : SocketRooms.ofUser(typing.toUserId());
        String[] exclude = connections.ofUser(typing.fromUserId()).stream().map(SocketIoSocket::getId).toArray(String[]::new);
        engine.fanOut().deliver(Packets.event("typing", payload), new String[] {target}, exclude);
    }

    /** {@code session_terminated} with the reason, then the socket is disconnected. */
    void cutOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        JSONObject reason = new JSONObject().put("reason", ended.reason().wire());
        for (String sessionId : ended.sessionIds()) {
            for (SocketIoSocket socket : connections.ofSession(sessionId)) {
                // The socket that asked (logout_all over Socket.IO) gets its ack first.
                Handlers.afterAck(socket, () -> {
                    socket.send("session_terminated", reason);
                    socket.disconnect(true);
                });
            }
        }
    }
}
