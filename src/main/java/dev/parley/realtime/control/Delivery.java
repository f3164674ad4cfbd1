package dev.parley.realtime.control;

import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketServer;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.realtime.engine.FanOut;
import dev.parley.platform.Meters;
import dev.parley.messages.control.Backlog;
import dev.parley.messages.control.MessagePosted;
import dev.parley.platform.RelayGap;
import dev.parley.messages.control.Typing;
import dev.parley.messages.control.MessageChanged;
import dev.parley.messages.entity.MessageView;
import dev.parley.presence.control.PresenceBatched;
import dev.parley.rooms.control.Invited;
import dev.parley.rooms.control.MemberRemoved;
import dev.parley.rooms.control.MembershipChanged;
import dev.parley.rooms.control.RoomCreated;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.control.SessionsEnded;
import dev.parley.sessions.entity.EndReason;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.json.JSONObject;

/**
 * Acts on this node's sockets for what other components have committed: delivers messages (their
 * notifications follow, off the committing thread, through {@link Notifier}), moves sockets between
 * rooms, announces rooms and presence, relays typing, and cuts off the sockets of ended sessions.
 */
@ApplicationScoped
public class Delivery {
    @Inject
    SocketServer engine;

    @Inject
    Connections connections;

    @Inject
    Notifier notifier;

    @Inject
    Backlog backlog;

    @Resource
    ManagedScheduledExecutorService timer;

    /** How long a message waits for its predecessors before they are read from the database. */
    @Inject
    @ConfigProperty(name = "parley.realtime.order-wait")
    Duration orderWait;

    /** How often the sequencer forgets idle rooms and conversations. */
    @Inject
    @ConfigProperty(name = "parley.realtime.order-idle")
    Duration orderIdle;

    private Meters.Counter deliveries;
    private Sequencer sequencer;
    private final LatestChanges latestChanges = new LatestChanges(10_000);

    @PostConstruct
    void sequence() {
        long floor;
        try {
            floor = backlog.newest();
        } catch (RuntimeException e) {
            floor = -1;
        }
        sequencer = new Sequencer(this::send, backlog::after, timer, orderWait, orderIdle, floor, System::nanoTime);
        timer.scheduleAtFixedRate(sequencer::prune, orderIdle.toMillis(), orderIdle.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Created at startup, so that its metric is on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    @Inject
    void count(Meters metrics) {
        deliveries = metrics.counter("parley_deliveries", "Messages sent to sockets");
    }

    /**
     * To every socket in the room (or of both people) but the one that sent it, in the room's order and
     * once (through the {@link Sequencer}, whether committed here or on another node), then notifications.
     */
    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        sequencer.offer(posted); // which sends it (send), then hands it to the notifier
    }

    /** Messages were lost between nodes: each chain this node follows reads what it missed. */
    void caughtUp(@Observes RelayGap gap) {
        sequencer.catchUpAll();
    }

    private void send(MessagePosted posted) {
        MessageView message = posted.message();
        JSONObject payload = SocketWriter.json(message);
        String[] targets = posted.isDirect()
                ? new String[] {SocketRooms.ofUser(posted.recipientId()), SocketRooms.ofUser(posted.senderId())}
                : new String[] {SocketRooms.of(message.room())};
        String event = posted.isDirect() ? "private_message" : "message";
        // The sender's socket from the event, not from the thread: the thread committing may have stored other sockets' posts.
        String[] exclude = posted.senderSocketId() == null ? null : new String[] {posted.senderSocketId()};
        deliveries.inc(engine.fanOut().deliver(FanOut.event(event, payload), targets, exclude));
        notifier.after(posted); // once the message is queued on the sockets: notifications come after it
    }

    /**
     * {@code message_updated} (the whole message) or {@code message_deleted} ({@code {id, room?, to?, from}})
     * to every socket that can see it: the room's, or both people's, the acting socket included.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageChanged change) {
        MessageView message = change.message();
        if (!latestChanges.newer(message.id(), change.version())) return; // told already, or a newer change was
        String[] targets = change.isDirect()
                ? new String[] {SocketRooms.ofUser(change.recipientId()), SocketRooms.ofUser(change.senderId())}
                : new String[] {SocketRooms.of(message.room())};
        JSONObject payload;
        if (change.deleted()) {
            payload = new JSONObject().put("id", message.id()).put("from", message.from() == null ? JSONObject.NULL : message.from());
            if (message.room() != null) payload.put("room", message.room());
            if (message.to() != null) payload.put("to", message.to());
        } else {
            payload = SocketWriter.json(message);
        }
        engine.fanOut().deliver(FanOut.event(change.deleted() ? "message_deleted" : "message_updated", payload), targets, null);
        notifier.after(change);
    }

    /** Joining or leaving on one socket moves every socket of the user. */
    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String room = SocketRooms.of(change.room());
        for (SocketIoSocket socket : connections.ofUser(change.userId())) {
            if (change.joined()) socket.joinRoom(room);
            else socket.leaveRoom(room);
        }
    }

    /** Everyone hears of a new public room; the creator's sockets see it as theirs, and alone hear of a private one. */
    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated created) {
        RoomView asCreator = created.room();
        List<SocketIoSocket> creators = connections.ofUser(created.creatorId());
        if (!asCreator.isPrivate()) {
            String[] exclude = creators.stream().map(SocketIoSocket::getId).toArray(String[]::new);
            engine.fanOut().deliver(FanOut.event("room_created", SocketWriter.json(asCreator.asOutsider())), null, exclude);
        }
        JSONObject mine = SocketWriter.json(asCreator);
        creators.forEach(s -> s.send("room_created", mine));
    }

    /**
     * A removed or banned user's sockets leave the room before they are told, so nothing broadcast to
     * the room after the removal reaches them.
     */
    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberRemoved removal) {
        String room = SocketRooms.of(removal.room());
        JSONObject payload = new JSONObject().put("room", removal.room()).put("reason", removal.reason());
        for (SocketIoSocket socket : connections.ofUser(removal.userId())) {
            socket.leaveRoom(room);
            socket.send("room_removed", payload);
        }
    }

    /** {@code room_invited} with the room as the invitee sees it, to each of their sockets. */
    void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invited invitation) {
        engine.fanOut().deliver(FanOut.event("room_invited", SocketWriter.json(invitation.room())),
                new String[] {SocketRooms.ofUser(invitation.userId())}, null);
    }

    /** One frame for every socket, encoded once: {@code {users: [{username, displayName, online, at}]}}. */
    void presence(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceBatched batch) {
        engine.fanOut().deliver(FanOut.event("presence", SocketWriter.json(batch)), null, null);
    }

    /** To the room's other members, or to the other person; none of the typist's own sockets. */
    void typing(@Observes(during = TransactionPhase.AFTER_SUCCESS) Typing typing) {
        JSONObject payload = new JSONObject().put("from", typing.from());
        if (typing.room() != null) payload.put("room", typing.room());
        String target = typing.room() != null ? SocketRooms.of(typing.room()) : SocketRooms.ofUser(typing.toUserId());
        String[] exclude = connections.ofUser(typing.fromUserId()).stream().map(SocketIoSocket::getId).toArray(String[]::new);
        engine.fanOut().deliver(FanOut.event("typing", payload), new String[] {target}, exclude);
    }

    void cutOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        for (String sessionId : ended.sessionIds()) {
            for (SocketIoSocket socket : connections.ofSession(sessionId)) {
                // The socket that asked (logout_all over Socket.IO) gets its ack first.
                Handlers.afterAck(socket, () -> cutOff(socket, ended.reason()));
            }
        }
    }

    /** {@code session_terminated} with the reason, then the socket is disconnected: every socket whose session is over. */
    public static void cutOff(SocketIoSocket socket, EndReason reason) {
        socket.send("session_terminated", new JSONObject().put("reason", reason.wire()));
        socket.disconnect(true);
    }
}
