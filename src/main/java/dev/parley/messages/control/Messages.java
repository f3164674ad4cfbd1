package dev.parley.messages.control;

import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.TooLarge;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.messages.entity.Page;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Posting messages and reading history. A post is committed before anyone hears of it: the
 * {@link MessagePosted} event is observed after commit, and callers ack only once this returns.
 */
@ApplicationScoped
@Transactional
public class Messages {
    public static final int MAX_CLIENT_MSG_ID = 64;
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Rooms rooms;

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
        Room room = rooms.lockForPost(roomName); // also makes a resent clientMsgId to one room wait for the first
        Optional<MessageView> earlier = sentBefore(senderId, clientMsgId);
        if (earlier.isPresent()) return new Posted(earlier.get(), false);
        Message message = Message.inRoom(room.id(), senderId, body, clientMsgId);
        em.persist(message);
        room.posted(message.id());
        em.flush();
        stored.inc();
        MessageView view = view(message, room.name(), em.find(User.class, senderId));
        posted.fire(new MessagePosted(view));
        return new Posted(view, true);
    }

    /** Newest first with {@code before} (or neither), oldest first with {@code after}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page roomHistory(String roomName, Long before, Long after, Integer limit) {
        Room room = rooms.byName(roomName);
        int size = checkLimit(limit);
        boolean forward = after != null && before == null;
        String query = "SELECT m, u FROM Message m, User u WHERE u.id = m.senderId AND m.roomId = :room"
                + (forward ? " AND m.id > :after ORDER BY m.id ASC"
                : before != null ? " AND m.id < :before ORDER BY m.id DESC" : " ORDER BY m.id DESC");
        var q = em.createQuery(query, Object[].class).setParameter("room", room.id()).setMaxResults(size + 1);
        if (forward) q.setParameter("after", after);
        else if (before != null) q.setParameter("before", before);
        List<Object[]> rows = q.getResultList();
        List<MessageView> page = rows.stream().limit(size)
                .map(row -> view((Message) row[0], room.name(), (User) row[1]))
                .toList();
        return new Page(page, rows.size() > size);
    }

    private Optional<MessageView> sentBefore(long senderId, String clientMsgId) {
        if (clientMsgId == null) return Optional.empty();
        return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", senderId)
                .setParameter("clientMsgId", clientMsgId)
                .getResultStream().findFirst()
                .map(m -> view(m, m.roomId() == null ? null : em.find(Room.class, m.roomId()).name(),
                        em.find(User.class, senderId)));
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

    private static int checkLimit(Integer limit) {
        if (limit == null) return DEFAULT_PAGE;
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidPayload("limit must be 1 to " + MAX_PAGE);
        return limit;
    }

    private static MessageView view(Message m, String roomName, User sender) {
        return new MessageView(m.id(), roomName, null, sender.username(), sender.displayName(),
                m.text(), m.createdAt(), m.clientMsgId());
    }

    /** Created at startup, so that its metrics are on /metrics from the start. */
    void eager(@Observes Startup started) {
    }
}
