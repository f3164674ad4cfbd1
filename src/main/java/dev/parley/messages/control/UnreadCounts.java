package dev.parley.messages.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Unread counts for many users at once, as notifications need them: messages from others above each
 * user's read marker (see {@code read/ReadMarkers}), up to a given message.
 */
@ApplicationScoped
@Transactional
public class UnreadCounts {
    /** Rows per statement: 3 binds each, well under every driver's cap on bind parameters. */
    static final int ROWS_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

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

    /**
     * The unread counts asked, by what was asked (absent: not a member, no such conversation), in one
     * statement for rooms and one for conversations (per {@link #ROWS_PER_QUERY}): a transaction per
     * notified message would hold up the thread that committed them.
     */
    public Map<At, Long> unread(Collection<At> asked) {
        Map<At, Long> counts = new HashMap<>();
        count(asked.stream().filter(a -> a.roomId() != null).distinct().toList(),
                a -> new long[] {a.roomId(), a.userId(), a.upTo()}, "room_id, user_id, up_to",
                "SELECT t.room_id, t.user_id, t.up_to, COUNT(m.id) FROM %s"
                        + " JOIN room_members rm ON rm.room_id = t.room_id AND rm.user_id = t.user_id"
                        + " LEFT JOIN messages m ON m.room_id = t.room_id AND m.id > rm.last_read_id AND m.id <= t.up_to"
                        + " AND m.sender_id <> t.user_id GROUP BY t.room_id, t.user_id, t.up_to",
                row -> At.inRoom(row[1], row[0], row[2]), counts);
        count(asked.stream().filter(a -> a.roomId() == null).distinct().toList(),
                a -> new long[] {a.userId(), a.otherId(), a.upTo()}, "user_id, other_id, up_to",
                "SELECT t.user_id, t.other_id, t.up_to, COUNT(m.id) FROM %s"
                        + " JOIN conversations c ON c.user_low = LEAST(t.user_id, t.other_id) AND c.user_high = GREATEST(t.user_id, t.other_id)"
                        + " LEFT JOIN messages m ON m.conversation_id = c.id AND m.id <= t.up_to AND m.sender_id <> t.user_id"
                        + " AND m.id > CASE WHEN c.user_low = t.user_id THEN c.low_read_id ELSE c.high_read_id END"
                        + " GROUP BY t.user_id, t.other_id, t.up_to",
                row -> At.withUser(row[0], row[1], row[2]), counts);
        return counts;
    }

    /** Runs {@code sql} over {@code asked} as a table {@code t(columns)} of three numbers each, {@link #ROWS_PER_QUERY} rows at a time. */
    private void count(List<At> asked, Function<At, long[]> values, String columns, String sql, Function<long[], At> key,
                       Map<At, Long> counts) {
        for (int i = 0; i < asked.size(); i += ROWS_PER_QUERY) {
            countInOneStatement(asked.subList(i, Math.min(asked.size(), i + ROWS_PER_QUERY)), values, columns, sql, key, counts);
        }
    }

    @SuppressWarnings("unchecked")
    private void countInOneStatement(List<At> rows, Function<At, long[]> values, String columns, String sql, Function<long[], At> key,
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
}
