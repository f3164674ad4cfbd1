package dev.parley.rooms.control;

import dev.parley.accounts.control.AccountCreated;
import dev.parley.accounts.control.AccountDeleted;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.rooms.entity.Role;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Rooms made, joined and left, and who is in them with which role. Every user is a member of
 * {@code feed}, which cannot be left. Who may is {@link RoomAccess}'s question; the moderators'
 * actions on others are {@link Moderation}'s.
 */
@ApplicationScoped
@Transactional
public class Membership {
    private static final int MAX_TOPIC = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess access;

    @Inject
    RoomListings listings;

    @Inject
    Event<RoomCreated> created;

    @Inject
    Event<MembershipChanged> membership;

    @Inject
    Event<RoomUpdated> updated;

    /** The creator joins as its owner. A private room's name is taken as any other's (409 tells that it exists). */
    public RoomView create(long userId, String name, String topic, boolean isPrivate) {
        String normalized = RoomAccess.checkName(name);
        String checkedTopic = checkTopic(topic);
        if (exists(normalized)) throw new Conflict("A room with that name exists");
        Room room = new Room(normalized, checkedTopic, userId, isPrivate);
        try {
            em.persist(room);
            em.flush();
        } catch (PersistenceException e) {
            if (exists(normalized)) throw new Conflict("A room with that name exists"); // lost a race
            throw e;
        }
        em.createNativeQuery("INSERT INTO room_member_counts (room_id, members) VALUES (?1, 0)")
                .setParameter(1, room.id()).executeUpdate();
        addMember(room.id(), userId, Role.OWNER);
        RoomView view = listings.view(room, userId);
        created.fire(new RoomCreated(view, userId));
        membership.fire(new MembershipChanged(userId, room.name(), true));
        return view;
    }

    /**
     * Joining is idempotent: a member joining again gets the room back, and nothing is announced. A
     * banned user is {@code forbidden}; a private room is joined by invitation (which joining uses up).
     */
    public RoomView join(long userId, String name) {
        Room room = access.byName(name);
        lockMembership(room.id());
        Standing standing = access.standing(room, userId);
        if (standing.banned() && !standing.admin()) throw new Forbidden("You are banned from this room");
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.member()) {
            addMember(room.id(), userId, Role.MEMBER);
            forgetInvitation(room.id(), userId);
            membership.fire(new MembershipChanged(userId, room.name(), true));
        }
        return listings.view(room, userId);
    }

    /**
     * Leaving a room one is not in changes nothing (a private one is then {@code not_found}). The owner
     * hands the room to another member before leaving it; the last member may leave it ownerless.
     */
    public void leave(long userId, String name) {
        Room room = access.visible(userId, name);
        if (room.isFeed()) throw new Forbidden("Everyone is in feed; it cannot be left");
        lockMembership(room.id());
        Standing standing = access.standing(room, userId);
        if (standing.role() == Role.OWNER && memberCount(room.id()) > 1) {
            throw new Forbidden("Hand the room to another member before leaving it");
        }
        if (removeMember(room.id(), userId)) membership.fire(new MembershipChanged(userId, room.name(), false));
    }

    /**
     * Serializes changes to the room's membership (joins, kicks, bans, invitations, roles) until the
     * transaction ends: a ban and a join at once cannot leave a banned member. The member count's row,
     * not the room's, which every post locks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockMembership(long roomId) {
        em.createNativeQuery("SELECT members FROM room_member_counts WHERE room_id = ?1 FOR UPDATE")
                .setParameter(1, roomId).getResultList();
    }

    /** Removes the membership and counts it; false if there was none. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean removeMember(long roomId, long userId) {
        int removed = em.createNativeQuery("DELETE FROM room_members WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, roomId).setParameter(2, userId).executeUpdate();
        if (removed > 0) countMembers(roomId, -1);
        return removed > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean forgetInvitation(long roomId, long userId) {
        return em.createNativeQuery("DELETE FROM room_invites WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, roomId).setParameter(2, userId).executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    long memberCount(long roomId) {
        return ((Number) em.createNativeQuery("SELECT members FROM room_member_counts WHERE room_id = ?1")
                .setParameter(1, roomId).getSingleResult()).longValue();
    }

    /** Every user starts in feed, in the transaction that creates the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    void joinFeed(@Observes AccountCreated created) {
        addMember(access.byName(Room.FEED).id(), created.userId(), Role.MEMBER);
    }

    /**
     * A deleted account leaves every room, {@code feed} too, so that member counts stop counting it.
     * A room it owned passes to its longest-serving moderator, else its longest-standing member: a
     * room with people in it always has someone who can moderate it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    void leaveAll(@Observes AccountDeleted deleted) {
        List<Number> owned = em.createNativeQuery("SELECT room_id FROM room_members WHERE user_id = ?1 AND role = ?2")
                .setParameter(1, deleted.userId()).setParameter(2, Role.OWNER.wire()).getResultList();
        for (Number room : owned) {
            List<Number> heir = em.createNativeQuery("SELECT user_id FROM room_members WHERE room_id = ?1 AND user_id <> ?2"
                            + " ORDER BY CASE role WHEN ?3 THEN 0 ELSE 1 END, joined_at, user_id")
                    .setParameter(1, room.longValue()).setParameter(2, deleted.userId()).setParameter(3, Role.MODERATOR.wire())
                    .setMaxResults(1).getResultList();
            if (heir.isEmpty()) continue;
            setRole(room.longValue(), heir.get(0).longValue(), Role.OWNER);
            Room inherited = em.find(Room.class, room.longValue());
            if (inherited != null) updated.fire(RoomUpdated.forEveryMember(inherited.name()));
        }
        em.createNativeQuery("UPDATE room_member_counts SET members = members - 1"
                + " WHERE room_id IN (SELECT room_id FROM room_members WHERE user_id = ?1)").setParameter(1, deleted.userId()).executeUpdate();
        em.createNativeQuery("DELETE FROM room_members WHERE user_id = ?1").setParameter(1, deleted.userId()).executeUpdate();
        em.createNativeQuery("DELETE FROM room_invites WHERE user_id = ?1").setParameter(1, deleted.userId()).executeUpdate();
    }

    /** The member's role from now on; no row if they are not a member. */
    @Transactional(Transactional.TxType.MANDATORY)
    void setRole(long roomId, long userId, Role role) {
        em.createNativeQuery("UPDATE room_members SET role = ?3 WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, roomId).setParameter(2, userId).setParameter(3, role.wire()).executeUpdate();
    }

    private void addMember(long roomId, long userId, Role role) {
        // A newcomer starts with nothing unread: the marker begins at the room's latest message.
        em.createNativeQuery("INSERT INTO room_members (room_id, user_id, joined_at, last_read_id, role)"
                        + " SELECT id, ?2, ?3, last_message_id, ?4 FROM rooms WHERE id = ?1")
                .setParameter(1, roomId).setParameter(2, userId)
                .setParameter(3, now()).setParameter(4, role.wire())
                .executeUpdate();
        countMembers(roomId, 1);
    }

    private void countMembers(long roomId, int change) {
        em.createNativeQuery("UPDATE room_member_counts SET members = members + ?2 WHERE room_id = ?1")
                .setParameter(1, roomId).setParameter(2, change).executeUpdate();
    }

    private boolean exists(String name) {
        return !em.createNamedQuery(Room.BY_NAME, Room.class).setParameter("name", name).getResultList().isEmpty();
    }

    /** Now, to the millisecond the database stores. */
    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /** A topic as it is stored: stripped, at most 200 characters; blank or absent is none (null). */
    static String checkTopic(String topic) {
        if (topic == null || topic.isBlank()) return null;
        String trimmed = topic.strip();
        if (trimmed.length() > MAX_TOPIC) throw new InvalidPayload("topic must be at most " + MAX_TOPIC + " characters");
        if (trimmed.indexOf('\u0000') >= 0) throw new InvalidPayload("topic must not contain NUL characters"); // PostgreSQL cannot store one
        return trimmed;
    }
}
