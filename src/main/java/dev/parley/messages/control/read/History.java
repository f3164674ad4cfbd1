package dev.parley.messages.control.read;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.control.MessageViews;
import dev.parley.messages.entity.Conversation;
import dev.parley.messages.entity.ConversationView;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.messages.entity.Page;
import dev.parley.messages.entity.Synced;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reading messages back: pages by id for rooms and conversations ({@code (room_id, id)} and
 * {@code (conversation_id, id)} indexes make a page a range scan), the conversation list, and
 * {@code sync} after a reconnect.
 */
@ApplicationScoped
@Transactional
public class History {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;
    /** The most {@code sync} returns per room or conversation; a client further behind pages with history. */
    public static final int SYNC_LIMIT = 500;
    static final Duration SINCE_GRACE = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess rooms;

    @Inject
    RoomListings listings;

    @Inject
    Accounts accounts;

    @Inject
    ReadMarkers markers;

    @Inject
    MessageDetails details;

    /**
     * Newest first with {@code before} (or neither), oldest first with {@code after}. Public rooms are
     * readable by all, a private room by its members ({@code RoomAccess.readable}).
     */
    public Page room(long userId, String roomName, Long before, Long after, Integer limit) {
        String readable = rooms.readable(userId, roomName).name(); // access first, whatever the request's limit
        return roomPage(readable, before, after, checkLimit(limit));
    }

    public Page conversation(long userId, String withUsername, Long before, Long after, Integer limit) {
        return conversationPage(userId, withUsername, before, after, checkLimit(limit));
    }

    private Page roomPage(String roomName, Long before, Long after, int size) {
        Room room = rooms.byName(roomName);
        return page("m.roomId = :target", room.id(), before, after, size,
                (m, sender) -> MessageViews.of(m, room.name(), sender, null));
    }

    private Page conversationPage(long userId, String withUsername, Long before, Long after, int size) {
        User me = accounts.byId(userId);
        User other = otherUser(withUsername);
        Optional<Conversation> conversation = conversationBetween(userId, other.id());
        if (conversation.isEmpty()) return new Page(List.of(), false);
        return page("m.conversationId = :target", conversation.get().id(), before, after, size,
                (m, sender) -> MessageViews.of(m, null, sender, sender.id().equals(me.id()) ? other.username() : me.username()));
    }

    /** The caller's conversations, most recent first. */
    public List<ConversationView> conversations(long userId) {
        List<ConversationView> views = new ArrayList<>();
        List<Conversation> all = em.createNamedQuery(Conversation.OF_USER, Conversation.class)
                .setParameter("user", userId).getResultList();
        for (Conversation c : all) {
            User other = em.find(User.class, c.other(userId));
            // The other side deleted the account: its name may belong to someone new, so the old conversation cannot be named.
            if (other.deleted()) continue;
            Page last = conversation(userId, other.username(), null, null, 1);
            views.add(new ConversationView(other.username(), last.messages().isEmpty() ? null : last.messages().get(0),
                    markers.unreadInConversation(c, userId)));
        }
        views.sort(Comparator.comparing((ConversationView v) -> v.lastMessage() == null ? 0 : v.lastMessage().id()).reversed());
        return views;
    }

    /**
     * Everything newer than the client last saw, per room it is in and per conversation (unknown ones
     * are skipped), at most {@link #SYNC_LIMIT} each; with {@code since}, the messages it has seen that
     * changed after then. Changes are looked for from {@link #SINCE_GRACE} before {@code since}: a change
     * stamped just before a sync may commit just after it, and an update given twice does no harm.
     */
    public Synced sync(long userId, Map<String, Long> roomsSeen, Map<String, Long> conversationsSeen, Instant since) {
        Instant syncedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant after = since == null ? null : since.minus(SINCE_GRACE);
        List<MessageView> messages = new ArrayList<>();
        List<MessageView> updates = new ArrayList<>();
        Map<String, Boolean> roomsCut = new TreeMap<>();
        Map<String, Boolean> conversationsCut = new TreeMap<>();
        List<String> mine = listings.namesOf(userId);
        roomsSeen.forEach((name, seen) -> {
            String room = RoomAccess.checkName(name);
            if (!mine.contains(room)) return;
            Page page = roomPage(room, null, seen, SYNC_LIMIT);
            messages.addAll(page.messages());
            if (page.hasMore()) roomsCut.put(room, true);
            if (after != null) {
                Room r = rooms.byName(room);
                updates.addAll(changed("m.roomId = :target", r.id(), seen, after, (m, sender) -> MessageViews.of(m, r.name(), sender, null)));
            }
        });
        conversationsSeen.forEach((username, seen) -> {
            Optional<User> other = accounts.find(username);
            if (other.isEmpty()) return;
            Page page = conversationPage(userId, username, null, seen, SYNC_LIMIT);
            messages.addAll(page.messages());
            if (page.hasMore()) conversationsCut.put(other.get().username(), true);
            Optional<Conversation> c = conversationBetween(userId, other.get().id());
            if (after != null && c.isPresent()) {
                String me = accounts.byId(userId).username();
                updates.addAll(changed("m.conversationId = :target", c.get().id(), seen, after,
                        (m, sender) -> MessageViews.of(m, null, sender, sender.id() == userId ? other.get().username() : me)));
            }
        });
        messages.sort(Comparator.comparingLong(MessageView::id));
        updates.sort(Comparator.comparingLong(MessageView::id));
        return new Synced(messages, details.complete(updates), Map.of("rooms", roomsCut, "conversations", conversationsCut), syncedAt);
    }

    /** Messages at or below {@code seen} changed after {@code after}, oldest first, at most {@link #SYNC_LIMIT}. */
    private List<MessageView> changed(String target, long targetId, long seen, Instant after, ViewOf view) {
        List<Object[]> rows = em.createQuery("SELECT m, u FROM Message m, User u WHERE u.id = m.senderId AND " + target
                        + " AND m.id <= :seen AND m.changedAt > :after ORDER BY m.id ASC", Object[].class)
                .setParameter("target", targetId).setParameter("seen", seen).setParameter("after", after)
                .setMaxResults(SYNC_LIMIT).getResultList();
        return rows.stream().map(r -> view.of((Message) r[0], (User) r[1])).toList();
    }

    Optional<Conversation> conversationBetween(long a, long b) {
        return em.createNamedQuery(Conversation.BETWEEN, Conversation.class)
                .setParameter("low", Math.min(a, b)).setParameter("high", Math.max(a, b))
                .getResultStream().findFirst();
    }

    User otherUser(String username) {
        if (username == null || username.isBlank()) throw new InvalidPayload("with is required");
        return accounts.require(username);
    }

    private interface ViewOf {
        MessageView of(Message message, User sender);
    }

    private Page page(String target, long targetId, Long before, Long after, int size, ViewOf view) {
        if ((before != null && before < 0) || (after != null && after < 0)) throw new InvalidPayload("before and after must not be negative");
        boolean forward = after != null && before == null;
        String query = "SELECT m, u FROM Message m, User u WHERE u.id = m.senderId AND " + target
                + (forward ? " AND m.id > :after ORDER BY m.id ASC"
                : before != null ? " AND m.id < :before ORDER BY m.id DESC" : " ORDER BY m.id DESC");
        var q = em.createQuery(query, Object[].class).setParameter("target", targetId).setMaxResults(size + 1);
        if (forward) q.setParameter("after", after);
        else if (before != null) q.setParameter("before", before);
        List<Object[]> rows = q.getResultList();
        List<MessageView> messages = details.complete(rows.stream().limit(size).map(r -> view.of((Message) r[0], (User) r[1])).toList());
        return new Page(messages, rows.size() > size);
    }

    private static int checkLimit(Integer limit) {
        if (limit == null) return DEFAULT_PAGE;
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidPayload("limit must be 1 to " + MAX_PAGE);
        return limit;
    }
}
