package dev.parley.rooms.control;

import dev.parley.accounts.control.AccountCreated;
import dev.parley.accounts.control.Admins;
import dev.parley.accounts.control.AccountDeleted;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.ParleyException;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rooms, public and private, and who is in them with which role. Every user is a member of
 * {@code feed}, which cannot be left. What a user may do in a room is {@link Standing}'s rule; the
 * moderators' actions are {@link Moderation}'s.
 */
@ApplicationScoped
@Transactional
public class Rooms {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final int MAX_TOPIC = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<RoomCreated> created;

    @Inject
    Event<MembershipChanged> membership;

    @Inject
    Admins admins;

    /** The room by name: a malformed name is {@code invalid_payload}, an unknown one {@code not_found}. */
    @Transactional
    public Room byName(String name) {
        return em.createNamedQuery(Room.BY_NAME, Room.class)
                .setParameter("name", checkName(name))
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No such room"));
    }

    /** Where the user stands in the room: role, invitation, ban, admin. One query. */
    @Transactional
    public Standing standing(Room room, long userId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT (SELECT role FROM room_members WHERE room_id = ?1 AND user_id = ?2),"
                        + " (SELECT COUNT(*) FROM room_invites WHERE room_id = ?1 AND user_id = ?2),"
                        + " (SELECT COUNT(*) FROM room_bans WHERE room_id = ?1 AND user_id = ?2)")
                .setParameter(1, room.id()).setParameter(2, userId).getSingleResult();
        return new Standing(room.isPrivate(), room.isFeed(), Role.of((String) row[0]), ((Number) row[1]).longValue() > 0,
                ((Number) row[2]).longValue() > 0, admins.isAdmin(userId));
    }

    /** The room, if it exists for the user: a private room is {@code not_found} to all but its members, invitees and admins. */
    @Transactional
    public Room visible(long userId, String name) {
        Room room = byName(name);
        if (room.isPrivate() && !standing(room, userId).sees()) throw new NotFound("No such room");
        return room;
    }

    /** The room, if the user may read its history: any public room; a private one as a member (or admin). */
    @Transactional
    public Room readable(long userId, String name) {
        Room room = byName(name);
        if (!room.isPrivate()) return room;
        Standing standing = standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.reads()) throw new Forbidden("Join the room first");
        return room;
    }

    /** Whether the user may read the room's messages (see {@link #readable}). */
    @Transactional
    public boolean reads(long roomId, long userId) {
        Room room = em.find(Room.class, roomId);
        return room != null && (!room.isPrivate() || standing(room, userId).reads());
    }

    /** Whether the user moderates the room: its owner, a moderator, or a server admin (the only ones in {@code feed}). */
    @Transactional
    public boolean moderates(long roomId, long userId) {
        Room room = em.find(Room.class, roomId);
        return room != null && standing(room, userId).moderates();
    }

    /** Why a user who is not a member may not post to the room: it does not exist for them, or they must join first. */
    @Transactional
    public ParleyException refusalToPost(Room room, long userId) {
        return room.isPrivate() && !standing(room, userId).sees() ? new NotFound("No such room") : new Forbidden("Join the room first");
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

    /** The creator joins as its owner. A private room's name is taken as any other's (409 tells that it exists). */
    public RoomView create(long userId, String name, String topic, boolean isPrivate) {
        String normalized = checkName(name);
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
        RoomView view = view(room, userId);
        created.fire(new RoomCreated(view, userId));
        membership.fire(new MembershipChanged(userId, room.name(), true));
        return view;
    }

    /**
     * Joining is idempotent: a member joining again gets the room back, and nothing is announced. A
     * banned user is {@code forbidden}; a private room is joined by invitation (which joining uses up).
     */
    public RoomView join(long userId, String name) {
        Room room = byName(name);
        lockMembership(room.id());
        Standing standing = standing(room, userId);
        if (standing.banned() && !standing.admin()) throw new Forbidden("You are banned from this room");
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.member()) {
            addMember(room.id(), userId, Role.MEMBER);
            forgetInvitation(room.id(), userId);
            membership.fire(new MembershipChanged(userId, room.name(), true));
        }
        return view(room, userId);
    }

    /**
     * Leaving a room one is not in changes nothing (a private one is then {@code not_found}). The owner
     * hands the room to another member before leaving it; the last member may leave it ownerless.
     */
    public void leave(long userId, String name) {
        Room room = visible(userId, name);
        if (room.isFeed()) throw new Forbidden("Everyone is in feed; it cannot be left");
        lockMembership(room.id());
        Standing standing = standing(room, userId);
        if (standing.role() == Role.OWNER && memberCount(room.id()) > 1) {
            throw new Forbidden("Hand the room to another member before leaving it");
        }
        if (removeMember(room.id(), userId)) membership.fire(new MembershipChanged(userId, room.name(), false));
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
        addMember(byName(Room.FEED).id(), created.userId(), Role.MEMBER);
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
            if (!heir.isEmpty()) {
                em.createNativeQuery("UPDATE room_members SET role = ?3 WHERE room_id = ?1 AND user_id = ?2")
                        .setParameter(1, room.longValue()).setParameter(2, heir.get(0).longValue()).setParameter(3, Role.OWNER.wire())
                        .executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE room_member_counts SET members = members - 1"
                + " WHERE room_id IN (SELECT room_id FROM room_members WHERE user_id = ?1)").setParameter(1, deleted.userId()).executeUpdate();
        em.createNativeQuery("DELETE FROM room_members WHERE user_id = ?1").setParameter(1, deleted.userId()).executeUpdate();
        em.createNativeQuery("DELETE FROM room_invites WHERE user_id = ?1").setParameter(1, deleted.userId()).executeUpdate();
    }

    /** The room, if the user is a member (else {@code forbidden}, or {@code not_found} for a private room they cannot see). */
    @Transactional
    public Room requireMember(long userId, String name) {
        Room room = visible(userId, name);
        if (!isMember(room.id(), userId)) throw new Forbidden("Join the room first");
        return room;
    }

    @Transactional
    public boolean isMember(long roomId, long userId) {
        return !em.createNativeQuery("SELECT 1 FROM room_members WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, roomId).setParameter(2, userId).getResultList().isEmpty();
    }

    /**
     * Every room the user can see, as they see it: the public rooms, and the private ones they are a
     * member of or invited to (an admin too: they reach other private rooms by name).
     */
    @Transactional
    public List<RoomView> list(long userId) {
        return views(em.createNativeQuery("SELECT r.id FROM rooms r WHERE r.is_private = FALSE"
                        + " OR r.id IN (SELECT room_id FROM room_members WHERE user_id = ?1)"
                        + " OR r.id IN (SELECT room_id FROM room_invites WHERE user_id = ?1) ORDER BY r.id")
                .setParameter(1, userId).getResultList().stream()
                .map(id -> em.find(Room.class, ((Number) id).longValue())).toList(), allCounts(), userId);
    }

    /** The rooms the user is a member of. */
    @Transactional
    public List<RoomView> roomsOf(long userId) {
        List<Room> mine = em.createQuery("SELECT r FROM Room r WHERE r.id IN "
                        + "(SELECT m.roomId FROM RoomMember m WHERE m.userId = :user) ORDER BY r.id", Room.class)
                .setParameter("user", userId).getResultList();
        // Every socket's connect asks, so one query for the rest, none of whose work grows with the
        // rooms' members or history: kept member counts, and per room a range of one index (unread, mentions).
        Map<Long, Object[]> about = new HashMap<>();
        for (Object[] row : rows("SELECT rm.room_id, c.members, u.username, (SELECT COUNT(*) FROM messages m"
                + " WHERE m.room_id = rm.room_id AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id),"
                + " (SELECT COUNT(*) FROM mentions x WHERE x.user_id = rm.user_id AND x.room_id = rm.room_id"
                + " AND x.message_id > rm.last_read_id), rm.role"
                + " FROM room_members rm JOIN room_member_counts c ON c.room_id = rm.room_id"
                + " JOIN rooms r ON r.id = rm.room_id LEFT JOIN users u ON u.id = r.created_by"
                + " WHERE rm.user_id = ?1", userId)) {
            about.put(((Number) row[0]).longValue(), row);
        }
        return mine.stream().map(r -> {
            Object[] row = about.get(r.id()); // null: joined since the first query
            return new RoomView(r.name(), r.topic(), row == null ? null : (String) row[2], r.createdAt(),
                    row == null ? 0 : ((Number) row[1]).longValue(), row != null, row == null ? 0 : ((Number) row[3]).longValue(),
                    row == null ? 0 : ((Number) row[4]).longValue(), r.isPrivate(), row == null ? null : (String) row[5]);
        }).toList();
    }

    @Transactional
    public List<String> namesOf(long userId) {
        return em.createQuery("SELECT r.name FROM Room r WHERE r.id IN "
                        + "(SELECT m.roomId FROM RoomMember m WHERE m.userId = :user)", String.class)
                .setParameter("user", userId).getResultList();
    }

    @Transactional
    public RoomView view(Room room, long userId) {
        return views(List.of(room), allCounts(), userId).get(0);
    }

    private Map<Long, Long> allCounts() {
        return counts("SELECT room_id, members FROM room_member_counts", null);
    }

    private List<RoomView> views(List<Room> rooms, Map<Long, Long> members, long userId) {
        Map<Long, Long> unread = new HashMap<>();
        Map<Long, String> roles = new HashMap<>();
        for (Object[] row : rows("SELECT rm.room_id, COUNT(m.id), rm.role FROM room_members rm LEFT JOIN messages m"
                + " ON m.room_id = rm.room_id AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id"
                + " WHERE rm.user_id = ?1 GROUP BY rm.room_id, rm.role", userId)) {
            long roomId = ((Number) row[0]).longValue();
            roles.put(roomId, (String) row[2]);
            unread.put(roomId, ((Number) row[1]).longValue());
        }
        // Unread mentions: one range of mentions_by_user per room above the member's read marker.
        Map<Long, Long> mentions = counts("SELECT rm.room_id, COUNT(*) FROM room_members rm JOIN mentions x"
                + " ON x.user_id = rm.user_id AND x.room_id = rm.room_id AND x.message_id > rm.last_read_id"
                + " WHERE rm.user_id = ?1 GROUP BY rm.room_id", userId);
        Map<Long, String> creators = new HashMap<>();
        for (Object[] row : rows("SELECT r.id, u.username FROM rooms r JOIN users u ON u.id = r.created_by", null)) {
            creators.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return rooms.stream().map(r -> new RoomView(r.name(), r.topic(), creators.get(r.id()), r.createdAt(),
                members.getOrDefault(r.id(), 0L), roles.containsKey(r.id()), unread.getOrDefault(r.id(), 0L),
                mentions.getOrDefault(r.id(), 0L), r.isPrivate(), roles.get(r.id())))
                .toList();
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

    private Map<Long, Long> counts(String sql, Object parameter) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows(sql, parameter)) counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) query.setParameter(1, parameter);
        return query.getResultList();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
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

    private static String checkTopic(String topic) {
        if (topic == null || topic.isBlank()) return null;
        String trimmed = topic.strip();
        if (trimmed.length() > MAX_TOPIC) throw new InvalidPayload("topic must be at most " + MAX_TOPIC + " characters");
        if (trimmed.indexOf('\u0000') >= 0) throw new InvalidPayload("topic must not contain NUL characters"); // PostgreSQL cannot store one
        return trimmed;
    }

}
