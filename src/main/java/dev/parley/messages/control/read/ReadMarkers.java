package dev.parley.messages.control.read;

import dev.parley.accounts.control.Accounts;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.entity.Conversation;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How far each user has read, and the unread counts that follow: messages from others with ids
 * above the marker. Markers only move forward. Many users' counts at once: {@code UnreadCounts}.
 */
@ApplicationScoped
@Transactional
public class ReadMarkers {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess rooms;

    @Inject
    Accounts accounts;

    public void readRoom(long userId, String roomName, Long upTo) {
        Room room = rooms.requireMember(userId, roomName); // access first, whatever the request's marker
        long marker = checkUpTo(upTo);
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

    @Transactional
    public long unreadInConversation(Conversation conversation, long userId) {
        return em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.conversationId = :c AND m.id > :marker AND m.senderId <> :me", Long.class)
                .setParameter("c", conversation.id()).setParameter("marker", conversation.readBy(userId))
                .setParameter("me", userId).getSingleResult();
    }

    private static long checkUpTo(Long upTo) {
        if (upTo == null || upTo < 0) throw new InvalidPayload("upTo must be a message id");
        return upTo;
    }
}
