package dev.parley.rooms.control;

import dev.parley.accounts.control.Admins;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.ParleyException;
import dev.parley.rooms.entity.Role;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may see, read, post to and moderate a room, asked by name or id: the room back, or the
 * contract's error. The rule itself is {@link Standing}'s; this reads where a user stands.
 */
@ApplicationScoped
@Transactional
public class RoomAccess {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Admins admins;

    /** The room by name: a malformed name is {@code invalid_payload}, an unknown one {@code not_found}. */
    public Room byName(String name) {
        return em.createNamedQuery(Room.BY_NAME, Room.class)
                .setParameter("name", checkName(name))
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No such room"));
    }

    /** Where the user stands in the room: role, invitation, ban, admin. One query. */
    public Standing standing(Room room, long userId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT (SELECT role FROM room_members WHERE room_id = ?1 AND user_id = ?2),"
                        + " (SELECT COUNT(*) FROM room_invites WHERE room_id = ?1 AND user_id = ?2),"
                        + " (SELECT COUNT(*) FROM room_bans WHERE room_id = ?1 AND user_id = ?2)")
                .setParameter(1, room.id()).setParameter(2, userId).getSingleResult();
        return new Standing(room.isPrivate(), room.isFeed(), Role.of((String) row[0]), ((Number) row[1]).longValue() > 0,
                ((Number) row[2]).longValue() > 0, admins.isAdmin(userId));
    }

    /** The room, if it exists for the user: a private room is {@code not_found} to all but its members, invitees and admins. */
    public Room visible(long userId, String name) {
        Room room = byName(name);
        if (room.isPrivate() && !standing(room, userId).sees()) throw new NotFound("No such room");
        return room;
    }

    /** The room, if the user may read its history: any public room; a private one as a member (or admin). */
    public Room readable(long userId, String name) {
        Room room = byName(name);
        if (!room.isPrivate()) return room;
        Standing standing = standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.reads()) throw new Forbidden("Join the room first");
        return room;
    }

    /** Whether the user may read the room's messages (see {@link #readable}). */
    public boolean reads(long roomId, long userId) {
        Room room = em.find(Room.class, roomId);
        return room != null && (!room.isPrivate() || standing(room, userId).reads());
    }

    /** Whether the user moderates the room: its owner, a moderator, or a server admin (the only ones in {@code feed}). */
    public boolean moderates(long roomId, long userId) {
        Room room = em.find(Room.class, roomId);
        return room != null && standing(room, userId).moderates();
    }

    /** The room, if the user is a member (else {@code forbidden}, or {@code not_found} for a private room they cannot see). */
    public Room requireMember(long userId, String name) {
        Room room = visible(userId, name);
        if (!isMember(room.id(), userId)) throw new Forbidden("Join the room first");
        return room;
    }

    /**
     * The standing posting needs, now, which editing and reacting in the room need too: membership
     * (else {@code forbidden}: removed, banned, left; or {@code not_found} for a private room the user
     * cannot see). Posts themselves are checked in their batch, under the room's lock.
     */
    public void requireStandingToPost(long userId, long roomId) {
        Room room = em.find(Room.class, roomId);
        if (room == null) throw new NotFound("No such room");
        if (!isMember(roomId, userId)) throw refusalToPost(room, userId);
    }

    public boolean isMember(long roomId, long userId) {
        return !em.createNativeQuery("SELECT 1 FROM room_members WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, roomId).setParameter(2, userId).getResultList().isEmpty();
    }

    /** Why a user who is not a member may not post to the room: it does not exist for them, or they must join first. */
    public ParleyException refusalToPost(Room room, long userId) {
        return room.isPrivate() && !standing(room, userId).sees() ? new NotFound("No such room") : new Forbidden("Join the room first");
    }

    /**
     * The rooms of these (checked) names that exist, by name, locked until the caller's transaction
     * ends (one SELECT ... FOR UPDATE, in id order): posts to a room commit one batch at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Room> lockForPosts(Collection<String> names) {
        Map<String, Room> locked = new HashMap<>();
        em.createNamedQuery(Room.BY_NAMES_FOR_UPDATE, Room.class).setParameter("names", names)
                .getResultStream().forEach(room -> locked.put(room.name(), room));
        return locked;
    }

    public static String normalize(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    public static String checkName(String name) {
        String normalized = normalize(name);
        if (normalized == null || !NAME.matcher(normalized).matches()) {
            throw new InvalidPayload("name must be 1 to 64 characters of a-z 0-9 _ -");
        }
        return normalized;
    }
}
