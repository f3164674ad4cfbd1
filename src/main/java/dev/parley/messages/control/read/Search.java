package dev.parley.messages.control.read;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.entity.Conversation;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.messages.entity.Page;
import dev.parley.rooms.control.RoomAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Search over what the caller may read: public rooms' messages, those of the private rooms the caller
 * is a member of, and the caller's own conversations, never another pair's.
 * Newest first, paged by {@code before}; how words match is {@link SearchQueries}' business.
 */
@ApplicationScoped
@Transactional
public class Search {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    static final int MAX_QUERY = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchQueries queries;

    @Inject
    RoomAccess rooms;

    @Inject
    Accounts accounts;

    @Inject
    History history;

    @Inject
    MessageDetails details;

    public Page search(long userId, String q, String room, String with, Long before, Integer limit) {
        // Both at once is a wrong shape whatever they name; else access first, whatever else the request carries.
        if (room != null && with != null) throw new InvalidPayload("Give room or with, not both");
        Long roomId = room == null ? null : rooms.readable(userId, room).id();
        String query = checkQuery(q);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) throw new InvalidPayload("limit must be 1 to " + MAX_LIMIT);
        if (before != null && before < 0) throw new InvalidPayload("before must not be negative");
        String scope;
        List<Object> parameters;
        if (room != null) {
            scope = "m.room_id = ?2";
            parameters = List.of(roomId);
        } else if (with != null) {
            Optional<Conversation> c = history.conversationBetween(userId, history.otherUser(with).id());
            if (c.isEmpty()) return new Page(List.of(), false);
            scope = "m.conversation_id = ?2";
            parameters = List.of(c.get().id());
        } else {
            // Public rooms and the private rooms the caller is in (an admin too: they search a private room by naming it).
            scope = "m.room_id IN (SELECT r.id FROM rooms r WHERE r.is_private = FALSE OR r.id IN"
                    + " (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = ?4))"
                    + " OR m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.user_low = ?2 OR c.user_high = ?3)";
            parameters = List.of(userId, userId, userId);
        }
        List<Long> ids = queries.ids(query, scope, parameters, before, size + 1);
        List<MessageView> found = views(ids.stream().limit(size).toList());
        return new Page(found, ids.size() > size);
    }

    private List<MessageView> views(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Object[]> rows = em.createQuery("SELECT m, u FROM Message m, User u WHERE u.id = m.senderId AND m.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList();
        List<MessageView> views = rows.stream().map(r -> details.viewOf((Message) r[0], (User) r[1]))
                .sorted(Comparator.comparingLong(MessageView::id).reversed()).toList();
        return details.complete(views);
    }

    private static String checkQuery(String q) {
        if (q == null || q.isBlank()) throw new InvalidPayload("q is required");
        String trimmed = q.strip();
        if (trimmed.length() > MAX_QUERY) throw new InvalidPayload("q must be at most " + MAX_QUERY + " characters");
        if (trimmed.indexOf('\u0000') >= 0) throw new InvalidPayload("q must not contain NUL characters");
        if (trimmed.codePoints().noneMatch(Character::isLetterOrDigit)) throw new InvalidPayload("q must contain a word");
        return trimmed;
    }
}
