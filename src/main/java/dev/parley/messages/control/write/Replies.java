package dev.parley.messages.control.write;

import dev.parley.errors.InvalidPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A reply's {@code replyTo} must be a message of the same room or conversation; checked before the
 * post waits for the room's lock (a message never moves, so the answer cannot change meanwhile).
 * Anything else is {@code invalid_payload}, the same answer whether the id exists elsewhere or not.
 */
@ApplicationScoped
@Transactional
public class Replies {
    private static final String REFUSED = "replyTo must be a message in the same room or conversation";

    @PersistenceContext
    EntityManager em;

    void requireInRoom(Long replyTo, String roomName) {
        if (replyTo == null) return;
        check(replyTo, em.createNativeQuery("SELECT 1 FROM messages m JOIN rooms r ON r.id = m.room_id WHERE m.id = ?1 AND r.name = ?2")
                .setParameter(1, replyTo).setParameter(2, roomName));
    }

    void requireInConversation(Long replyTo, long a, long b) {
        if (replyTo == null) return;
        check(replyTo, em.createNativeQuery("SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.id = ?1 AND c.user_low = ?2 AND c.user_high = ?3")
                .setParameter(1, replyTo).setParameter(2, Math.min(a, b)).setParameter(3, Math.max(a, b)));
    }

    private static void check(long replyTo, jakarta.persistence.Query sameThread) {
        if (replyTo <= 0 || sameThread.getResultList().isEmpty()) throw new InvalidPayload(REFUSED);
    }
}
