package dev.parley.messages.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.entity.Conversation;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each user has read, and the unread counts that follow: messages from others with ids
 * above the marker. Markers only move forward.
 */
@ApplicationScoped
@Transactional
public class ReadMarkers {
    @PersistenceContext
    EntityManager em;

    @Inject
    Rooms rooms;

    @Inject
    Accounts accounts;

    public void readRoom(long userId, String roomName, Long upTo) {
        long marker = checkUpTo(upTo);
        Room room = rooms.requireMember(userId, roomName);
        em.createNativeQuery("UPDATE room_members SET last_read_id = GREATEST(last_read_id, ?1) WHERE room_id = ?2 AND user_id = ?3")
                .setParameter(1, marker).setParameter(2, room.id()).setParameter(3, userId).executeUpdate();
    }

    public void readConversation(long userId, String withUsername, Long upTo) {
        long marker = checkUpTo(upTo);
        long other = accounts.require(withUsername).id();
        em.createNamedQuery(Conversation.BETWEEN, Conversation.class)
                .setParameter("low", Math.min(userId, other)).setParameter("high", Math.max(userId, other))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .ifPresent(c -> c.markRead(userId, marker));
    }

    /** Unread counts in a room for some of its members, in one query. */
    // REQUIRES_NEW: called by realtime's after-commit observers, where the committed transaction is
    // still on the thread; Narayana (WildFly) refuses to join it, and only a new one may read.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Map<Long, Long> unreadInRoom(long roomId, Collection<Long> userIds) {
        Map<Long, Long> unread = new HashMap<>();
        if (userIds.isEmpty()) return unread;
        // Only the users asked about: on the feed every account is a member, and counting everyone's
        // unread per post made a post that mentions someone cost the whole room (docs/performance.md).
        // (Past a thousand, the room's every member, in one statement still: a bind has a parameter cap.)
        List<Long> users = userIds.size() <= 1000 ? List.copyOf(userIds) : List.of();
        StringBuilder among = new StringBuilder();
        for (int i = 0; i < users.size(); i++) among.append(i == 0 ? " AND rm.user_id IN (?" : ", ?").append(i + 2);
        if (!users.isEmpty()) among.append(')');
        var query = em.createNativeQuery("SELECT rm.user_id, COUNT(m.id) FROM room_members rm LEFT JOIN messages m"
                        + " ON m.room_id = rm.room_id AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id"
                        + " WHERE rm.room_id = ?1" + among + " GROUP BY rm.user_id")
                .setParameter(1, roomId);
        for (int i = 0; i < users.size(); i++) query.setParameter(i + 2, users.get(i));
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long user = ((Number) row[0]).longValue();
            if (userIds.contains(user)) unread.put(user, ((Number) row[1]).longValue());
        }
        return unread;
    }

    @Transactional
    public long unreadInConversation(Conversation conversation, long userId) {
        return em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.conversationId = :c AND m.id > :marker AND m.senderId <> :me", Long.class)
                .setParameter("c", conversation.id()).setParameter("marker", conversation.readBy(userId))
                .setParameter("me", userId).getSingleResult();
    }

    /** The recipient's unread count in the conversation a direct message belongs to. */
    // REQUIRES_NEW: called by realtime's after-commit observers, where the committed transaction is
    // still on the thread; Narayana (WildFly) refuses to join it, and only a new one may read.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long unreadOfRecipient(long senderId, long recipientId) {
        return em.createNamedQuery(Conversation.BETWEEN, Conversation.class)
                .setParameter("low", Math.min(senderId, recipientId)).setParameter("high", Math.max(senderId, recipientId))
                .getResultStream().findFirst().map(c -> unreadInConversation(c, recipientId)).orElse(0L);
    }

    private static long checkUpTo(Long upTo) {
        if (upTo == null || upTo < 0) throw new InvalidPayload("upTo must be a message id");
        return upTo;
    }
}
