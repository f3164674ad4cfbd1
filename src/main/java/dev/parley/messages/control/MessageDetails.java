package dev.parley.messages.control;

import dev.parley.accounts.entity.User;
import dev.parley.files.entity.FileView;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.messages.entity.MessageView.Reaction;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A page's reactions, mentions and files, three queries per page (not per message), added to the
 * views. Deleted messages have none: their rows are removed with the text.
 */
@ApplicationScoped
@Transactional
public class MessageDetails {
    @PersistenceContext
    EntityManager em;

    @Inject
    MessageFiles files;

    public List<MessageView> complete(List<MessageView> views) {
        List<Long> ids = views.stream().filter(v -> !v.deleted()).map(MessageView::id).toList();
        if (ids.isEmpty()) return views;
        Map<Long, List<Reaction>> reactions = reactions(ids);
        Map<Long, List<String>> mentions = mentions(ids);
        Map<Long, List<FileView>> attached = files.of(ids);
        return views.stream().map(v -> MessageViews.with(v, reactions.getOrDefault(v.id(), List.of()),
                mentions.getOrDefault(v.id(), v.mentions()), attached.getOrDefault(v.id(), v.files()))).toList();
    }

    public MessageView complete(MessageView view) {
        return complete(List.of(view)).get(0);
    }

    /** The stored message as the contract shows it, its room and recipient by name; without reactions, mentions and files yet. */
    public MessageView viewOf(Message m, User sender) {
        String room = m.roomId() == null ? null : em.find(Room.class, m.roomId()).name();
        String to = m.recipientId() == null ? null : em.find(User.class, m.recipientId()).username();
        return MessageViews.of(m, room, sender, to);
    }

    /** Per message, per emoji (in order of the first reaction): the count and the first 20 users. */
    private Map<Long, List<Reaction>> reactions(List<Long> ids) {
        List<Object[]> rows = rowsFor(ids, "SELECT r.message_id, r.emoji, u.username FROM reactions r JOIN users u ON u.id = r.user_id"
                + " WHERE r.message_id IN (%s) ORDER BY r.message_id, r.created_at, u.id");
        Map<Long, Map<String, long[]>> counts = new HashMap<>();
        Map<Long, Map<String, List<String>>> users = new HashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            String emoji = (String) row[1];
            counts.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(emoji, k -> new long[1])[0]++;
            List<String> some = users.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(emoji, k -> new ArrayList<>());
            // A deleted account has no name to show; it still counts.
            if (row[2] != null && some.size() < Reaction.MAX_USERS) some.add((String) row[2]);
        }
        Map<Long, List<Reaction>> result = new HashMap<>();
        counts.forEach((id, byEmoji) -> result.put(id, byEmoji.entrySet().stream()
                .map(e -> new Reaction(e.getKey(), e.getValue()[0], List.copyOf(users.get(id).get(e.getKey())))).toList()));
        return result;
    }

    private Map<Long, List<String>> mentions(List<Long> ids) {
        List<Object[]> rows = rowsFor(ids, "SELECT x.message_id, u.username FROM mentions x JOIN users u ON u.id = x.user_id"
                + " WHERE x.message_id IN (%s) AND u.username IS NOT NULL ORDER BY x.message_id, u.username_key");
        return rows.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).longValue(),
                Collectors.mapping(r -> (String) r[1], Collectors.toList())));
    }

    /** Runs {@code sql} with the ids bound where it says {@code %s}. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rowsFor(List<Long> ids, String sql) {
        StringBuilder placeholders = new StringBuilder();
        for (int i = 1; i <= ids.size(); i++) placeholders.append(i == 1 ? "" : ", ").append('?').append(i);
        var query = em.createNativeQuery(sql.formatted(placeholders));
        for (int i = 0; i < ids.size(); i++) query.setParameter(i + 1, ids.get(i));
        return query.getResultList();
    }
}
