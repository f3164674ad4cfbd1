package dev.parley.rooms.control;

import dev.parley.rooms.entity.JoinedRoom;
import dev.parley.rooms.entity.Role;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import dev.parley.rooms.entity.UnreadInRoom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rooms as one user sees them ({@link RoomView}): the room list, the rooms they are in, one room.
 * Each query's columns become a typed row where the query is written.
 */
@ApplicationScoped
@Transactional
public class RoomListings {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess access;

    /**
     * Every room the user can see, as they see it: the public rooms, and the private ones they are a
     * member of or invited to (an admin too: they reach other private rooms by name).
     */
    public List<RoomView> list(long userId) {
        return views(em.createNativeQuery("SELECT r.id FROM rooms r WHERE r.is_private = FALSE"
                        + " OR r.id IN (SELECT room_id FROM room_members WHERE user_id = ?1)"
                        + " OR r.id IN (SELECT room_id FROM room_invites WHERE user_id = ?1) ORDER BY r.id")
                .setParameter(1, userId).getResultList().stream()
                .map(id -> em.find(Room.class, ((Number) id).longValue())).toList(), allCounts(), userId);
    }

    /** The rooms the user is a member of. */
    public List<RoomView> roomsOf(long userId) {
        List<Room> mine = em.createQuery("SELECT r FROM Room r WHERE r.id IN "
                        + "(SELECT m.roomId FROM RoomMember m WHERE m.userId = :user) ORDER BY r.id", Room.class)
                .setParameter("user", userId).getResultList();
        // Every socket's connect asks, so one query for the rest, none of whose work grows with the
        // rooms' members or history: kept member counts, and per room a range of one index (unread, mentions).
        Map<Long, JoinedRoom> about = byRoom(rows("SELECT rm.room_id, c.members, u.username, (SELECT COUNT(*) FROM messages m"
                + " WHERE m.room_id = rm.room_id AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id),"
                + " (SELECT COUNT(*) FROM mentions x WHERE x.user_id = rm.user_id AND x.room_id = rm.room_id"
                + " AND x.message_id > rm.last_read_id), rm.role"
                + " FROM room_members rm JOIN room_member_counts c ON c.room_id = rm.room_id"
                + " JOIN rooms r ON r.id = rm.room_id LEFT JOIN users u ON u.id = r.created_by"
                + " WHERE rm.user_id = ?1", userId, row -> new JoinedRoom(number(row[0]), number(row[1]), (String) row[2],
                number(row[3]), number(row[4]), (String) row[5])), JoinedRoom::roomId);
        return mine.stream().map(r -> {
            JoinedRoom row = about.get(r.id()); // null: joined since the first query
            return row == null ? new RoomView(r.name(), r.topic(), null, r.createdAt(), 0, false, 0, 0, r.isPrivate(), null, r.retention())
                    : new RoomView(r.name(), r.topic(), row.createdBy(), r.createdAt(), row.members(), true, row.unread(),
                    row.mentions(), r.isPrivate(), row.role(), r.retention());
        }).toList();
    }

    /**
     * Every room, private ones included, by name after {@code after} (from the first when null), as
     * {@code viewerId} sees it: the server admin's listing, which no one else reaches.
     */
    public List<RoomView> everyRoom(long viewerId, String after, int limit) {
        List<Room> rooms = em.createQuery("SELECT r FROM Room r WHERE r.name > :after ORDER BY r.name", Room.class)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit)
                .getResultList();
        return rooms.isEmpty() ? List.of() : views(rooms, allCounts(), viewerId);
    }

    /** The owner's username of each room named {@code from} to {@code to} (by name) that has one. */
    public Map<String, String> owners(String from, String to) {
        Map<String, String> owners = new HashMap<>();
        for (Object[] row : rows("SELECT r.name, u.username FROM rooms r JOIN room_members rm ON rm.room_id = r.id"
                + " JOIN users u ON u.id = rm.user_id WHERE rm.role = '" + Role.OWNER.wire() + "' AND r.name >= ?1 AND r.name <= ?2",
                List.of(from, to), row -> row)) {
            owners.put((String) row[0], (String) row[1]);
        }
        return owners;
    }

    public List<String> namesOf(long userId) {
        return em.createQuery("SELECT r.name FROM Room r WHERE r.id IN "
                        + "(SELECT m.roomId FROM RoomMember m WHERE m.userId = :user)", String.class)
                .setParameter("user", userId).getResultList();
    }

    public RoomView view(Room room, long userId) {
        return views(List.of(room), allCounts(), userId).get(0);
    }

    /** The room by name as the user sees it now. */
    public RoomView view(String name, long userId) {
        return view(access.byName(name), userId);
    }

    /** Users per statement when reading many members' views: one bind each, well under every driver's cap. */
    static final int USERS_PER_QUERY = 500;

    /**
     * The room as each of these users sees it now, for those who are its members (the others are left
     * out): a fixed number of queries for the room, and one per {@value #USERS_PER_QUERY} users for
     * what differs between members (role, unread, mentions), however many they are.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, RoomView> asMembersSee(String name, java.util.Collection<Long> userIds) {
        Map<Long, RoomView> views = new HashMap<>();
        Room room = em.createNamedQuery(Room.BY_NAME, Room.class).setParameter("name", name).getResultStream().findFirst().orElse(null);
        if (room == null || userIds.isEmpty()) return views;
        List<?> count = em.createNativeQuery("SELECT members FROM room_member_counts WHERE room_id = ?1").setParameter(1, room.id()).getResultList();
        long members = count.isEmpty() ? 0 : number(count.get(0));
        List<?> creator = em.createNativeQuery("SELECT username FROM users WHERE id = ?1").setParameter(1, room.createdBy() == null ? -1L : room.createdBy())
                .getResultList();
        String createdBy = creator.isEmpty() ? null : (String) creator.get(0);
        List<Long> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += USERS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + USERS_PER_QUERY));
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) in.append(i == 0 ? "" : ", ").append('?').append(i + 2);
            var query = em.createNativeQuery("SELECT rm.user_id, rm.role, (SELECT COUNT(*) FROM messages m WHERE m.room_id = rm.room_id"
                    + " AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id), (SELECT COUNT(*) FROM mentions x"
                    + " WHERE x.user_id = rm.user_id AND x.room_id = rm.room_id AND x.message_id > rm.last_read_id)"
                    + " FROM room_members rm WHERE rm.room_id = ?1 AND rm.user_id IN (" + in + ")").setParameter(1, room.id());
            for (int i = 0; i < chunk.size(); i++) query.setParameter(i + 2, chunk.get(i));
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                views.put(number(row[0]), new RoomView(room.name(), room.topic(), createdBy, room.createdAt(), members, true,
                        number(row[2]), number(row[3]), room.isPrivate(), (String) row[1], room.retention()));
            }
        }
        return views;
    }

    private Map<Long, Long> allCounts() {
        return counts("SELECT room_id, members FROM room_member_counts", null);
    }

    private List<RoomView> views(List<Room> rooms, Map<Long, Long> members, long userId) {
        Map<Long, UnreadInRoom> unread = byRoom(rows("SELECT rm.room_id, COUNT(m.id), rm.role FROM room_members rm LEFT JOIN messages m"
                + " ON m.room_id = rm.room_id AND m.id > rm.last_read_id AND m.sender_id <> rm.user_id"
                + " WHERE rm.user_id = ?1 GROUP BY rm.room_id, rm.role", userId,
                row -> new UnreadInRoom(number(row[0]), number(row[1]), (String) row[2])), UnreadInRoom::roomId);
        // Unread mentions: one range of mentions_by_user per room above the member's read marker.
        Map<Long, Long> mentions = counts("SELECT rm.room_id, COUNT(*) FROM room_members rm JOIN mentions x"
                + " ON x.user_id = rm.user_id AND x.room_id = rm.room_id AND x.message_id > rm.last_read_id"
                + " WHERE rm.user_id = ?1 GROUP BY rm.room_id", userId);
        Map<Long, String> creators = byRoom("SELECT r.id, u.username FROM rooms r JOIN users u ON u.id = r.created_by", null,
                String.class::cast);
        return rooms.stream().map(r -> {
            UnreadInRoom mine = unread.get(r.id()); // null: not a member
            return new RoomView(r.name(), r.topic(), creators.get(r.id()), r.createdAt(), members.getOrDefault(r.id(), 0L),
                    mine != null, mine == null ? 0 : mine.unread(), mentions.getOrDefault(r.id(), 0L), r.isPrivate(),
                    mine == null ? null : mine.role(), r.retention());
        }).toList();
    }

    /** Two columns, a room id and a count. */
    private Map<Long, Long> counts(String sql, Object parameter) {
        return byRoom(sql, parameter, RoomListings::number);
    }

    /** Two columns, a room id and a value. */
    private <V> Map<Long, V> byRoom(String sql, Object parameter, Function<Object, V> value) {
        Map<Long, V> byRoom = new HashMap<>();
        for (Object[] row : rows(sql, parameter, row -> row)) byRoom.put(number(row[0]), value.apply(row[1]));
        return byRoom;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String sql, Object parameter, Function<Object[], T> row) {
        var query = em.createNativeQuery(sql);
        if (parameter instanceof List<?> several) for (int i = 0; i < several.size(); i++) query.setParameter(i + 1, several.get(i));
        else if (parameter != null) query.setParameter(1, parameter);
        return ((List<Object[]>) query.getResultList()).stream().map(row).toList();
    }

    private static <T> Map<Long, T> byRoom(List<T> rows, Function<T, Long> roomId) {
        Map<Long, T> byRoom = new HashMap<>();
        for (T row : rows) byRoom.put(roomId.apply(row), row);
        return byRoom;
    }

    private static long number(Object column) {
        return ((Number) column).longValue();
    }
}
