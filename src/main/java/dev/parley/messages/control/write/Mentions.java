package dev.parley.messages.control.write;

import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.messages.control.MessagePosted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a message mentions: the {@code @username}s of its text ({@link MentionNames}) that name a user
 * who can read it and follows it: a member of its room, or the recipient of a direct message (never
 * the sender: mentioning oneself is no mention). Found
 * before the post waits for its room's lock (a text without {@code @} costs no query), stored with
 * the message, replaced on an edit (whoever the edit newly mentions is told, as for a post), removed
 * with a deletion. A mention of someone who blocks the author is kept (the message shows its text's
 * names) but notifies nobody ({@link Mentioned#unheard}) and is stored without its room: {@code room_id}
 * is the room whose unread mentions a row counts in, so it counts in none, as a direct message's.
 */
@ApplicationScoped
@Transactional
public class Mentions {
    @PersistenceContext
    EntityManager em;

    @Inject
    Blocks blocks;

    /** The members of the room the text mentions, by id, in username order; the sender is never their own mention. */
    Mentioned inRoom(long senderId, String roomName, String text) {
        Set<String> keys = MentionNames.in(text);
        if (keys.isEmpty()) return Mentioned.NONE;
        return heardBy(senderId, byId(em.createQuery("SELECT u FROM User u, RoomMember rm, Room r WHERE r.name = :room AND rm.roomId = r.id"
                        + " AND rm.userId = u.id AND u.id <> :sender AND u.usernameKey IN :keys ORDER BY u.usernameKey", User.class)
                .setParameter("room", roomName).setParameter("sender", senderId).setParameter("keys", keys).getResultList()));
    }

    /** The recipient of a direct message, if the text mentions them. */
    Mentioned inConversation(long senderId, long recipientId, String text) {
        Set<String> keys = MentionNames.in(text);
        if (keys.isEmpty()) return Mentioned.NONE;
        return heardBy(senderId, byId(em.createQuery("SELECT u FROM User u WHERE u.id = :id AND u.usernameKey IN :keys", User.class)
                .setParameter("id", recipientId).setParameter("keys", keys).getResultList()));
    }

    /** In the posting transaction, after the message is flushed. */
    void record(MessagePosted posted, Mentioned mentioned) {
        insert(posted.message().id(), posted.roomId(), posted.mentionedIds());
        insert(posted.message().id(), null, mentioned.unheard());
    }

    /** Replaces the message's mentions; answers the users it did not mention before and who are to hear of it. */
    Set<Long> replace(long messageId, Long roomId, Mentioned mentioned) {
        List<Long> heard = mentioned.heard();
        Set<Long> added = new LinkedHashSet<>(heard);
        if (!added.isEmpty()) {
            added.removeAll(em.createNativeQuery("SELECT user_id FROM mentions WHERE message_id = ?1").setParameter(1, messageId)
                    .getResultStream().map(id -> ((Number) id).longValue()).toList());
        }
        remove(messageId);
        insert(messageId, roomId, heard);
        insert(messageId, null, mentioned.unheard());
        return added;
    }

    void remove(long messageId) {
        em.createNativeQuery("DELETE FROM mentions WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    private void insert(long messageId, Long roomId, Collection<Long> userIds) {
        for (long user : userIds) {
            // No NULL parameter: PostgreSQL's driver cannot always type one.
            var insert = roomId == null
                    ? em.createNativeQuery("INSERT INTO mentions (message_id, user_id) VALUES (?1, ?2)")
                    : em.createNativeQuery("INSERT INTO mentions (message_id, user_id, room_id) VALUES (?1, ?2, ?3)").setParameter(3, roomId);
            insert.setParameter(1, messageId).setParameter(2, user).executeUpdate();
        }
    }

    private Mentioned heardBy(long senderId, Map<Long, String> users) {
        return new Mentioned(users, blocks.blockersOf(senderId, users.keySet()));
    }

    private static Map<Long, String> byId(List<User> users) {
        Map<Long, String> found = new LinkedHashMap<>();
        users.forEach(u -> found.put(u.id(), u.username()));
        return found;
    }
}
