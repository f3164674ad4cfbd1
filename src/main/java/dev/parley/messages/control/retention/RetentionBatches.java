package dev.parley.messages.control.retention;

import dev.parley.messages.control.MessageFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One bounded batch of the retention sweep, each a short transaction of its own: the oldest messages
 * past a cut-off, found by index (V16) and locked by id, then everything that points at them, then the
 * messages. Never a room's row: posting holds that lock ({@code rooms.last_message_id}), and a sweep
 * that took it would stall the room's posts for the whole batch. Locking the messages' rows makes an
 * edit or a reaction that comes at the same moment wait the batch out and find the message gone
 * ({@code not_found}), rather than insert a reaction the delete would trip over.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RetentionBatches {
    @PersistenceContext
    EntityManager em;

    @Inject
    MessageFiles attachments;

    /** Where a sweep of the server's retention has got to, oldest first: (created_at, id) of the last message looked at. */
    public record Cursor(Instant createdAt, long id) {
        public static final Cursor START = new Cursor(Instant.EPOCH, 0);
    }

    /** What one batch removed; {@code last} is where the next batch goes on from. */
    public record Removed(int messages, int reactions, int mentions, int replies, int files, Cursor last) {
        static final Removed NOTHING = new Removed(0, 0, 0, 0, 0, null);
    }

    /** A room with a retention of its own, as stored. */
    public record OwnRetention(long roomId, String retention) {
    }

    @SuppressWarnings("unchecked")
    public List<OwnRetention> roomsWithOwnRetention() {
        List<Object[]> rows = em.createNativeQuery("SELECT id, retention FROM rooms WHERE retention IS NOT NULL ORDER BY id").getResultList();
        return rows.stream().map(r -> new OwnRetention(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** At most {@code limit} of the room's messages created before {@code cutoff}, oldest first ({@code messages_in_room_by_age}). */
    public Removed inRoom(long roomId, Instant cutoff, int limit) {
        List<Object[]> rows = rows(em.createNativeQuery("SELECT m.id, m.created_at FROM messages m WHERE m.room_id = ?1 AND m.created_at < ?2"
                        + " ORDER BY m.created_at LIMIT " + limit + " FOR UPDATE")
                .setParameter(1, roomId).setParameter(2, at(cutoff)));
        return remove(rows);
    }

    /**
     * At most {@code limit} messages created before {@code cutoff} that follow the server's retention
     * (direct messages, and rooms without one of their own), after {@code from} in (created_at, id)
     * order ({@code messages_by_age}). Messages of rooms with their own retention are passed over, each
     * once per sweep, since the next batch goes on from where this one stopped.
     */
    public Removed byServerRetention(Instant cutoff, Cursor from, int limit) {
        List<Object[]> rows = rows(em.createNativeQuery("SELECT m.id, m.created_at FROM messages m"
                        + " WHERE m.created_at < ?1 AND m.created_at >= ?2 AND (m.created_at > ?3 OR m.id > ?4)"
                        + " AND (m.room_id IS NULL OR m.room_id NOT IN (SELECT r.id FROM rooms r WHERE r.retention IS NOT NULL))"
                        + " ORDER BY m.created_at, m.id LIMIT " + limit + " FOR UPDATE")
                .setParameter(1, at(cutoff)).setParameter(2, at(from.createdAt())).setParameter(3, at(from.createdAt()))
                .setParameter(4, from.id()));
        return remove(rows);
    }

    private Removed remove(List<Object[]> rows) {
        if (rows.isEmpty()) return Removed.NOTHING;
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] r : rows) ids.add(((Number) r[0]).longValue());
        Object[] lastRow = rows.get(rows.size() - 1);
        Cursor last = new Cursor(instant(lastRow[1]), ((Number) lastRow[0]).longValue());
        // A reply outlives what it answers: it stays, answering nothing (null), changed for sync's updates.
        OffsetDateTime now = at(Instant.now());
        int replies = in(ids, "UPDATE messages SET reply_to = NULL, changed_at = CASE WHEN changed_at IS NULL OR changed_at < ?1"
                + " THEN ?2 ELSE changed_at END WHERE reply_to IN (%s)", now, now).executeUpdate();
        int reactions = in(ids, "DELETE FROM reactions WHERE message_id IN (%s)").executeUpdate();
        int mentions = in(ids, "DELETE FROM mentions WHERE message_id IN (%s)").executeUpdate();
        int files = attachments.deleteOf(ids); // rows and bytes: the database store's in this transaction, an object store's after it
        int messages = in(ids, "DELETE FROM messages WHERE id IN (%s)").executeUpdate();
        return new Removed(messages, reactions, mentions, replies, files, last);
    }

    /** {@code sql} with {@code leading} bound first, then the ids where it says {@code %s}. */
    private Query in(List<Long> ids, String sql, Object... leading) {
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) placeholders.append(i == 0 ? "" : ", ").append('?').append(leading.length + i + 1);
        Query q = em.createNativeQuery(sql.formatted(placeholders));
        for (int i = 0; i < leading.length; i++) q.setParameter(i + 1, leading[i]);
        for (int i = 0; i < ids.size(); i++) q.setParameter(leading.length + i + 1, ids.get(i));
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime odt) return odt.toInstant();
        if (column instanceof Timestamp ts) return ts.toInstant();
        if (column instanceof Instant i) return i;
        return OffsetDateTime.parse(column.toString()).toInstant();
    }
}
