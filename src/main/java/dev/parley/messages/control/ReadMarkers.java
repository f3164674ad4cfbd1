package dev.parley.messages.control;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    RoomAccess rooms;

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

    /**
     * A user's unread count in a room, or in the conversation with {@code otherId}, counting the
     * messages up to {@code upTo}: what it was just after that message, whatever came after it.
     */
    public record At(long userId, Long roomId, Long otherId, long upTo) {
        public static At inRoom(long userId, long roomId, long upTo) {
            return new At(userId, roomId, null, upTo);
        }

        public static At withUser(long userId, long otherId, long upTo) {
            return new At(userId, null, otherId, upTo);
        }
    }

    /** Rows per statement: 3 binds each, well under every driver's cap on bind parameters. */
    static final int ROWS_PER_QUERY = 500;

    /**
     * The unread counts asked, by what was asked (absent: not a member, no such conversation), in one
     * statement for rooms and one for conversations (per {@link #ROWS_PER_QUERY}) rather than a
     * transaction per notified message: a batch's notifications were its committing thread's
     * largest wait (docs/performance.md, issue 14).
     */
    public Map<At, Long> unread(Collection<At> asked) {
        Map<At, Long> counts = new HashMap<>();
        List<At> inRooms = asked.stream().filter(a -> a.roomId() != null).distinct().toList();
        List<At> withUsers = asked.stream().filter(a -> a.roomId() == null).distinct().toList();
        for (int i = 0; i < inRooms.size(); i += ROWS_PER_QUERY) {
            List<At> rows = inRooms.subList(i, Math.min(inRooms.size(), i + ROWS_PER_QUERY));
            count(rows, a -> new long[] {a.roomId(), a.userId(), a.upTo()}, "room_id, user_id, up_to",
                    "SELECT t.room_id, t.user_id, t.up_to, COUNT(m.id) FROM %s"
                            + " JOIN room_members rm ON rm.room_id = t.room_id AND rm.user_id = t.user_id"
                            + " LEFT JOIN messages m ON m.room_id = t.room_id AND m.id > rm.last_read_id AND m.id <= t.up_to"
                            + " AND m.sender_id <> t.user_id GROUP BY t.room_id, t.user_id, t.up_to",
                    row -> At.inRoom(row[1], row[0], row[2]), counts);
        }
        for (int i = 0; i < withUsers.size(); i += ROWS_PER_QUERY) {
            List<At> rows = withUsers.subList(i, Math.min(withUsers.size(), i + ROWS_PER_QUERY));
            count(rows, a -> new long[] {a.userId(), a.otherId(), a.upTo()}, "user_id, other_id, up_to",
                    "SELECT t.user_id, t.other_id, t.up_to, COUNT(m.id) FROM %s"
                            + " JOIN conversations c ON c.user_low = LEAST(t.user_id, t.other_id) AND c.user_high = GREATEST(t.user_id, t.other_id)"
                            + " LEFT JOIN messages m ON m.conversation_id = c.id AND m.id <= t.up_to AND m.sender_id <> t.user_id"
                            + " AND m.id > CASE WHEN c.user_low = t.user_id THEN c.low_read_id ELSE c.high_read_id END"
                            + " GROUP BY t.user_id, t.other_id, t.up_to",
                    row -> At.withUser(row[0], row[1], row[2]), counts);
        }
        return counts;
    }

    /** Runs {@code sql} over {@code rows} as a table {@code t(columns)} of three numbers each. */
    @SuppressWarnings("unchecked")
    private void count(List<At> rows, Function<At, long[]> values, String columns, String sql, Function<long[], At> key,
                       Map<At, Long> counts) {
        StringBuilder table = new StringBuilder("(VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int p = 3 * i + 1;
            table.append(i == 0 ? "" : ", ").append("(CAST(?").append(p).append(" AS BIGINT), CAST(?").append(p + 1)
                    .append(" AS BIGINT), CAST(?").append(p + 2).append(" AS BIGINT))");
        }
        table.append(") AS t(").append(columns).append(')');
        var query = em.createNativeQuery(sql.formatted(table));
        for (int i = 0; i < rows.size(); i++) {
            long[] v = values.apply(rows.get(i));
            for (int j = 0; j < 3; j++) query.setParameter(3 * i + j + 1, v[j]);
        }
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long[] k = {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
            counts.put(key.apply(k), ((Number) row[3]).longValue());
        }
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
