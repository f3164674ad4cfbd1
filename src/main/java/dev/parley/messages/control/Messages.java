package dev.parley.messages.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.TooLarge;
import dev.parley.messages.entity.Conversation;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Posting messages, to a room or to one user. A post is committed before anyone hears of it: the
 * {@link MessagePosted} event is observed after commit, and callers ack only once this returns.
 * Each post locks its room's or conversation's row, so ids rise in commit order within each.
 */
@ApplicationScoped
@Transactional
public class Messages {
    public static final int MAX_CLIENT_MSG_ID = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    Rooms rooms;

    @Inject
    Accounts accounts;

    @Inject
    Event<MessagePosted> posted;

    @Inject
    @ConfigProperty(name = "parley.message-max-length")
    int maxLength;

    @Inject
    @Metric(name = "parley_messages_stored", absolute = true, description = "Messages committed to the database")
    Counter stored;

    /** The message, and whether it is new; a {@code clientMsgId} the sender used before gets the first message back. */
    public record Posted(MessageView message, boolean fresh) {
    }

    public Posted postToRoom(long senderId, String roomName, String text, String clientMsgId) {
        String body = checkText(text);
        checkClientMsgId(clientMsgId);
        rooms.requireMember(senderId, roomName);
        Room room = rooms.lockForPost(roomName); // also makes a resent clientMsgId wait for the first
        Optional<MessageView> earlier = sentBefore(senderId, clientMsgId);
        if (earlier.isPresent()) return new Posted(earlier.get(), false);
        Message message = Message.inRoom(room.id(), senderId, body, clientMsgId);
        em.persist(message);
        room.posted(message.id());
        em.flush();
        MessageView view = MessageViews.of(message, room.name(), em.find(User.class, senderId), null);
        return announce(new MessagePosted(view, senderId, room.id(), null));
    }

    public Posted postDirect(long senderId, String toUsername, String text, String clientMsgId) {
        String body = checkText(text);
        checkClientMsgId(clientMsgId);
        if (toUsername == null || toUsername.isBlank()) throw new InvalidPayload("to is required");
        User recipient = accounts.find(toUsername).orElseThrow(() -> new NotFound("No such user"));
        if (recipient.id() == senderId) throw new InvalidPayload("A direct message needs someone else");
        Conversation conversation = lockConversation(senderId, recipient.id());
        Optional<MessageView> earlier = sentBefore(senderId, clientMsgId);
        if (earlier.isPresent()) return new Posted(earlier.get(), false);
        Message message = Message.direct(conversation.id(), senderId, recipient.id(), body, clientMsgId);
        em.persist(message);
        conversation.posted(message.id());
        em.flush();
        MessageView view = MessageViews.of(message, null, em.find(User.class, senderId), recipient.username());
        return announce(new MessagePosted(view, senderId, null, recipient.id()));
    }

    /** Created at startup, so that its metric is on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    private Posted announce(MessagePosted event) {
        stored.inc();
        posted.fire(event);
        return new Posted(event.message(), true);
    }

    /** The conversation between two users, made on first use and locked until the transaction ends. */
    private Conversation lockConversation(long a, long b) {
        Optional<Conversation> existing = conversation(a, b);
        if (existing.isEmpty()) {
            em.find(User.class, Math.min(a, b), LockModeType.PESSIMISTIC_WRITE); // serializes making it
            existing = conversation(a, b);
        }
        Conversation conversation = existing.orElseGet(() -> {
            Conversation made = new Conversation(a, b);
            em.persist(made);
            em.flush();
            return made;
        });
        em.lock(conversation, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(conversation);
        return conversation;
    }

    private Optional<Conversation> conversation(long a, long b) {
        return em.createNamedQuery(Conversation.BETWEEN, Conversation.class)
                .setParameter("low", Math.min(a, b)).setParameter("high", Math.max(a, b))
                .getResultStream().findFirst();
    }

    private Optional<MessageView> sentBefore(long senderId, String clientMsgId) {
        if (clientMsgId == null) return Optional.empty();
        return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", senderId)
                .setParameter("clientMsgId", clientMsgId)
                .getResultStream().findFirst()
                .map(m -> MessageViews.of(m,
                        m.roomId() == null ? null : em.find(Room.class, m.roomId()).name(),
                        em.find(User.class, senderId),
                        m.recipientId() == null ? null : em.find(User.class, m.recipientId()).username()));
    }

    private String checkText(String text) {
        if (text == null) throw new InvalidPayload("text is required");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) throw new InvalidPayload("text must not be empty");
        if (trimmed.length() > maxLength) throw new TooLarge("text is longer than " + maxLength + " characters");
        return trimmed;
    }

    private static void checkClientMsgId(String clientMsgId) {
        if (clientMsgId != null && (clientMsgId.isEmpty() || clientMsgId.length() > MAX_CLIENT_MSG_ID)) {
            throw new InvalidPayload("clientMsgId must be 1 to " + MAX_CLIENT_MSG_ID + " characters");
        }
    }
}
