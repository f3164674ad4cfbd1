package dev.parley.exports.control;

import dev.parley.accounts.control.Admins;
import dev.parley.accounts.entity.User;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a server admin's export of one room reads: the room, then its whole history a page at a time
 * (each page its own short transaction), deleted messages as the tombstones history shows, every
 * message with its reactions and mentions as the contract's message object has them.
 */
@ApplicationScoped
@Transactional
public class RoomExport {
    @PersistenceContext
    EntityManager em;

    @Inject
    Admins admins;

    @Inject
    RoomAccess access;

    @Inject
    RoomListings listings;

    @Inject
    MessageDetails details;

    /** The room, for a server admin only: anyone else is {@code forbidden} whatever the name, before the room is looked up. */
    public RoomView room(long adminId, String name) {
        admins.requireAdmin(adminId);
        return listings.view(access.byName(name), adminId);
    }

    /** The next page of the room's messages after {@code afterId}, oldest first; a range of {@code messages_unread}. */
    public List<MessageView> messages(String roomName, long afterId, int limit) {
        Room room = access.byName(roomName);
        List<MessageView> page = em.createQuery("SELECT m FROM Message m WHERE m.roomId = :room AND m.id > :after ORDER BY m.id", Message.class)
                .setParameter("room", room.id())
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(m -> details.viewOf(m, em.find(User.class, m.senderId())))
                .toList();
        return details.complete(page);
    }
}
