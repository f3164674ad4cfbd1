package dev.parley.exports.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.exports.entity.AccountParts;
import dev.parley.exports.entity.ExportedFile;
import dev.parley.exports.entity.WrittenMessage;
import dev.parley.files.entity.StoredFile;
import dev.parley.messages.entity.Message;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.Room;
import dev.parley.sessions.control.AccessTokens;
import dev.parley.sessions.control.ConnectedSessions;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.AccessTokenView;
import dev.parley.sessions.entity.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user's data export reads: the account's parts at once, then the messages they wrote a page
 * at a time, each page its own short transaction (a long history is never held, nor one transaction
 * kept open while a slow client downloads it). Only messages the user wrote: the other side of their
 * conversations is the other person's.
 */
@ApplicationScoped
@Transactional
public class AccountExport {
    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    ConnectedSessions connections;

    @Inject
    RoomListings rooms;

    @Inject
    Blocks blocks;

    public AccountParts parts(long userId, String currentSessionId) {
        User user = accounts.byId(userId);
        return new AccountParts(user.view(),
                sessions.live(userId).stream().map(s -> SessionView.of(s, currentSessionId, connections.socketsOf(s.id()))).toList(),
                rooms.roomsOf(userId),
                blocks.of(userId),
                // Guests have no tokens nor bots: read directly, where AccessTokens.of and Bots.of refuse a guest.
                sessions.liveTokens(userId).stream().map(t -> AccessTokenView.of(t, AccessTokens.shownExpiry(t))).toList(),
                em.createNamedQuery(User.BOTS_OF, User.class).setParameter("owner", userId).getResultStream().map(User::view).toList());
    }

    /**
     * The next page of the user's own messages after {@code afterId}, oldest first; a range of
     * {@code messages_by_sender}, and one query for the page's files ({@code files_by_message}).
     */
    public List<WrittenMessage> messages(long userId, long afterId, int limit) {
        List<Message> page = em.createQuery("SELECT m FROM Message m WHERE m.senderId = :user AND m.id > :after ORDER BY m.id", Message.class)
                .setParameter("user", userId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, List<ExportedFile>> files = files(page.stream().filter(m -> !m.deleted()).map(Message::id).toList());
        return page.stream()
                .map(m -> new WrittenMessage(m.id(),
                        m.roomId() == null ? null : em.find(Room.class, m.roomId()).name(),
                        m.recipientId() == null ? null : em.find(User.class, m.recipientId()).username(),
                        m.deleted() ? "" : m.text(), m.createdAt(), m.editedAt(), m.replyTo(), m.deleted(), m.via(),
                        files.getOrDefault(m.id(), List.of())))
                .toList();
    }

    /** The files of these messages, each message's in its order: id, name and size, as the contract lists them. */
    private Map<Long, List<ExportedFile>> files(List<Long> messageIds) {
        Map<Long, List<ExportedFile>> files = new HashMap<>();
        if (messageIds.isEmpty()) return files;
        em.createQuery("SELECT f FROM StoredFile f WHERE f.messageId IN :ids ORDER BY f.messageId, f.position", StoredFile.class)
                .setParameter("ids", messageIds).getResultStream()
                .forEach(f -> files.computeIfAbsent(f.messageId(), k -> new ArrayList<>()).add(new ExportedFile(f.id(), f.name(), f.size())));
        return files;
    }
}
