package dev.parley.messages.control.write;

import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.messages.control.MessageChanged;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.control.MessageFiles;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Edits, deletions and reactions, for REST and Socket.IO alike. Each change locks the message's row,
 * so changes to one message (two reactions at once included) apply one after the other, and is
 * announced by {@link MessageChanged} after commit. A direct message is, to anyone but its two people,
 * a message that does not exist ({@code not_found}); so is a deleted one to edits and reactions. Who
 * may is decided before the text or emoji is looked at.
 */
@ApplicationScoped
@Transactional
public class MessageChanges {
    /** Distinct emoji one user may put on one message. */
    static final int MAX_REACTIONS_PER_USER = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    Mentions mentions;

    @Inject
    MessageDetails details;

    @Inject
    RoomAccess rooms;

    @Inject
    Blocks blocks;

    @Inject
    MessageFiles files;

    @Inject
    Event<MessageChanged> changed;

    /**
     * The author's new text (empty only if the message has files, which it keeps); mentions follow the
     * new text, and only users it newly mentions are notified.
     */
    public MessageView edit(long userId, Long id, String text) {
        Message m = live(userId, id);
        if (m.senderId() != userId) throw new Forbidden("Only the author can edit a message");
        requireStanding(userId, m);
        String checked = messages.checkText(text, text != null && text.isBlank() && files.any(m.id()));
        m.edit(checked);
        Mentioned mentioned = m.roomId() != null
                ? mentions.inRoom(userId, em.find(Room.class, m.roomId()).name(), checked)
                : mentions.inConversation(userId, m.recipientId(), checked);
        em.flush();
        Set<Long> newlyMentioned = mentions.replace(m.id(), m.roomId(), mentioned);
        return announce(m, false, List.copyOf(newlyMentioned));
    }

    /** Leaves a tombstone, without its files (rows and bytes); deleting a deleted message again changes nothing. */
    public void delete(long userId, Long id) {
        Message m = visible(userId, id);
        if (m.deleted()) return;
        if (!mayDelete(userId, m)) throw new Forbidden("Only the author or a moderator of the room can delete this message");
        m.delete();
        em.flush();
        em.createNativeQuery("DELETE FROM reactions WHERE message_id = ?1").setParameter(1, m.id()).executeUpdate();
        mentions.remove(m.id());
        files.deleteOf(List.of(m.id()));
        announce(m, true, List.of());
    }

    /**
     * The one rule of who may delete a message: its author, or for a room's message whoever moderates
     * that room (its owner and moderators, and server admins: the only ones in {@code feed}).
     */
    boolean mayDelete(long userId, Message message) {
        return message.senderId() == userId || (message.roomId() != null && rooms.moderates(message.roomId(), userId));
    }

    /** One reaction per user per emoji: reacting twice, or taking back what is not there, changes nothing and tells no one. */
    public void react(long userId, Long id, String emoji, boolean on) {
        Message m = live(userId, id);
        requireStanding(userId, m);
        if (m.senderId() != userId && !blocks.accepts(m.senderId(), userId)) throw new Forbidden("This user does not accept your reactions");
        String checked = Emoji.check(emoji);
        boolean has = !em.createNativeQuery("SELECT 1 FROM reactions WHERE message_id = ?1 AND emoji = ?2 AND user_id = ?3")
                .setParameter(1, m.id()).setParameter(2, checked).setParameter(3, userId).getResultList().isEmpty();
        if (has == on) return;
        if (on) {
            long mine = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM reactions WHERE message_id = ?1 AND user_id = ?2")
                    .setParameter(1, m.id()).setParameter(2, userId).getSingleResult()).longValue();
            if (mine >= MAX_REACTIONS_PER_USER) throw new InvalidPayload("At most " + MAX_REACTIONS_PER_USER + " reactions per message");
            em.createNativeQuery("INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, m.id()).setParameter(2, checked).setParameter(3, userId)
                    .setParameter(4, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                    .executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM reactions WHERE message_id = ?1 AND emoji = ?2 AND user_id = ?3")
                    .setParameter(1, m.id()).setParameter(2, checked).setParameter(3, userId).executeUpdate();
        }
        m.touch();
        em.flush();
        announce(m, false, List.of());
    }

    /**
     * Editing and reacting need the standing posting needs now: in a room, membership (a user removed,
     * banned or gone cannot change what is there any more); in a conversation, that the other person
     * does not block them. Deleting one's own message needs only that one can see it.
     */
    private void requireStanding(long userId, Message m) {
        if (m.roomId() != null) {
            rooms.requireStandingToPost(userId, m.roomId());
        } else {
            blocks.requireAccepts(m.senderId() == userId ? m.recipientId() : m.senderId(), userId);
        }
    }

    /** Visible and not deleted. */
    private Message live(long userId, Long id) {
        Message m = visible(userId, id);
        if (m.deleted()) throw new NotFound("No such message");
        return m;
    }

    /**
     * The message, locked for this change, if the user can see it: a public room's, a private room's
     * to those who may read it, or a direct message of their own.
     */
    private Message visible(long userId, Long id) {
        if (id == null || id <= 0) throw new InvalidPayload("id must be a message id");
        Message m = em.find(Message.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || (m.roomId() == null && m.senderId() != userId && !Objects.equals(m.recipientId(), userId))) {
            throw new NotFound("No such message");
        }
        if (m.roomId() != null && !rooms.reads(m.roomId(), userId)) throw new NotFound("No such message");
        return m;
    }

    private MessageView announce(Message m, boolean deleted, List<Long> newlyMentionedIds) {
        MessageView view = details.complete(details.viewOf(m, em.find(User.class, m.senderId())));
        changed.fire(new MessageChanged(view, deleted, m.roomId(), m.senderId(), m.recipientId(), newlyMentionedIds, m.changedAt()));
        return view;
    }
}
