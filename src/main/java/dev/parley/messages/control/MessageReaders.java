package dev.parley.messages.control;

import dev.parley.files.control.MessageAccess;
import dev.parley.messages.entity.Message;
import dev.parley.rooms.control.RoomAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * Who may read a message, for its files' downloads: the rule of its history. A room's message to
 * whoever may read the room (any signed-in user for a public room, members for a private one), a
 * direct message to its two people; a deleted message to no one.
 */
@ApplicationScoped
@Transactional
public class MessageReaders implements MessageAccess {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess rooms;

    @Override
    public boolean mayRead(long userId, long messageId) {
        Message m = em.find(Message.class, messageId);
        if (m == null || m.deleted()) return false;
        if (m.roomId() != null) return rooms.reads(m.roomId(), userId);
        return m.senderId() == userId || Objects.equals(m.recipientId(), userId);
    }
}
