package dev.parley.rooms.control;

import dev.parley.errors.NotFound;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;

/** Finding rooms. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Rooms {
    @PersistenceContext
    EntityManager em;

    public Room byName(String name) {
        return em.createNamedQuery(Room.BY_NAME, Room.class)
                .setParameter("name", normalize(name))
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No such room"));
    }

    /** The room, locked until the caller's transaction ends: posts to one room commit one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Room lockForPost(String name) {
        Room room = byName(name);
        em.lock(room, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(room);
        return room;
    }

    /** The built-in feed as a user sees it: every user is a member. */
    public RoomView feed() {
        Room feed = byName(Room.FEED);
        long users = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        return new RoomView(feed.name(), feed.topic(), null, feed.createdAt(), users, true, 0);
    }

    public static String normalize(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
