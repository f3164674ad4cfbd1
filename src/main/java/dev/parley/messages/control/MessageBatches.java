package dev.parley.messages.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.ParleyException;
import dev.parley.messages.control.GroupCommit.Pending;
import dev.parley.messages.control.Messages.Posted;
import dev.parley.messages.entity.Conversation;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a batch of posts to one room or one conversation in a transaction of its own (the poster
 * running it may be storing for others): the row lock once, one query for what the whole batch needs
 * checked, the inserts flushed together, the last id written once. Ids are taken under the row lock,
 * so they rise in commit order within the room or conversation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class MessageBatches {
    @PersistenceContext
    EntityManager em;

    @Inject
    Rooms rooms;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    Event<MessagePosted> posted;

    @Inject
    Mentions mentions;

    /** What became of one post: stored (or found stored before), or refused for a reason of its own. */
    record Outcome(Posted posted, MessagePosted event, ParleyException refused) {
    }

    List<Outcome> toRoom(String roomName, List<Pending> posts) {
        Room room = rooms.lockForPost(roomName); // also makes a resent clientMsgId wait for the first
        Map<Long, User> senders = members(room, posts); // one query for the batch's membership checks and senders
        List<Outcome> outcomes = store(posts, senders,
                p -> senders.containsKey(p.senderId()) ? null : new Forbidden("Join the room first"),
                p -> Message.inRoom(room.id(), p.senderId(), p.text(), p.clientMsgId(), p.replyTo()),
                (m, p) -> new MessagePosted(MessageViews.of(m, room.name(), senders.get(p.senderId()), null, List.copyOf(p.mentions().values())),
                        p.senderId(), room.id(), null, p.senderSocketId(), List.copyOf(p.mentions().keySet())));
        last(outcomes).ifPresent(room::posted);
        return announce(outcomes);
    }

    /** Posts of one sender to one user (lines are per sender and recipient; the row lock orders both ways). */
    List<Outcome> direct(long senderId, String toUsername, List<Pending> posts) {
        User recipient = accounts.require(toUsername);
        if (recipient.id() == senderId) throw new InvalidPayload("A direct message needs someone else");
        blocks.requireAccepts(recipient.id(), senderId); // the batch is one sender's to one recipient: one answer for all
        Conversation conversation = lockConversation(senderId, recipient.id());
        Map<Long, User> senders = Map.of(senderId, em.find(User.class, senderId));
        List<Outcome> outcomes = store(posts, senders, p -> null,
                p -> Message.direct(conversation.id(), senderId, recipient.id(), p.text(), p.clientMsgId(), p.replyTo()),
                (m, p) -> new MessagePosted(MessageViews.of(m, null, senders.get(senderId), recipient.username(), List.copyOf(p.mentions().values())),
                        senderId, null, recipient.id(), p.senderSocketId(), List.copyOf(p.mentions().keySet())));
        last(outcomes).ifPresent(conversation::posted);
        return announce(outcomes);
    }

    private interface Announcement {
        MessagePosted of(Message stored, Pending post);
    }

    /**
     * Persists each post that is allowed and new; a clientMsgId its sender used before, in an earlier
     * transaction or earlier in this batch, gets that first message back.
     */
    private List<Outcome> store(List<Pending> posts, Map<Long, User> senders, Function<Pending, ParleyException> refusal,
                                Function<Pending, Message> message, Announcement announcement) {
        Map<String, MessageView> sent = sentBefore(posts, senders);
        List<Outcome> outcomes = new ArrayList<>(posts.size());
        for (Pending p : posts) {
            ParleyException refused = refusal.apply(p);
            String key = p.clientMsgId() == null ? null : p.senderId() + ":" + p.clientMsgId();
            if (refused != null) {
                outcomes.add(new Outcome(null, null, refused));
            } else if (key != null && sent.containsKey(key)) {
                outcomes.add(new Outcome(new Posted(sent.get(key), false), null, null));
            } else {
                Message m = message.apply(p);
                em.persist(m); // takes its id from the sequence, under the row lock
                MessagePosted event = announcement.of(m, p);
                if (key != null) sent.put(key, event.message());
                outcomes.add(new Outcome(new Posted(event.message(), true), event, null));
            }
        }
        em.flush(); // inside the method, so that a broken constraint surfaces here (see Messages.store)
        outcomes.stream().filter(o -> o.event() != null).forEach(o -> mentions.record(o.event())); // rows referencing the flushed messages
        return outcomes;
    }

    private List<Outcome> announce(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.event() != null) posted.fire(o.event());
        }
        return outcomes;
    }

    private static Optional<Long> last(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.event() != null).map(o -> o.event().message().id()).reduce((a, b) -> b);
    }

    /** Those of the batch's senders who are members of the room. */
    private Map<Long, User> members(Room room, List<Pending> posts) {
        List<Long> ids = posts.stream().map(Pending::senderId).distinct().toList();
        return em.createQuery("SELECT u FROM User u, RoomMember m WHERE m.roomId = :room AND m.userId = u.id AND u.id IN :ids",
                        User.class).setParameter("room", room.id()).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(User::id, u -> u));
    }

    /** The messages the batch's senders stored before under the clientMsgIds they give now, by sender and clientMsgId. */
    private Map<String, MessageView> sentBefore(List<Pending> posts, Map<Long, User> senders) {
        Map<String, MessageView> sent = new HashMap<>();
        List<Pending> asking = posts.stream().filter(p -> p.clientMsgId() != null && senders.containsKey(p.senderId())).toList();
        if (asking.isEmpty()) return sent;
        List<String> clientMsgIds = asking.stream().map(Pending::clientMsgId).distinct().toList();
        List<Long> senderIds = asking.stream().map(Pending::senderId).distinct().toList();
        em.createNamedQuery(Message.BY_CLIENT_IDS, Message.class)
                .setParameter("senders", senderIds).setParameter("clientMsgIds", clientMsgIds)
                .getResultStream()
                .forEach(m -> sent.put(m.senderId() + ":" + m.clientMsgId(), MessageViews.of(m,
                        m.roomId() == null ? null : em.find(Room.class, m.roomId()).name(),
                        senders.get(m.senderId()),
                        m.recipientId() == null ? null : em.find(User.class, m.recipientId()).username())));
        return sent;
    }

    /** The conversation between two users, made on first use and locked until the transaction ends. */
    private Conversation lockConversation(long a, long b) {
        Optional<Conversation> existing = lockedConversation(a, b);
        if (existing.isPresent()) return existing.get();
        em.find(User.class, Math.min(a, b), LockModeType.PESSIMISTIC_WRITE); // serializes making it
        return lockedConversation(a, b).orElseGet(() -> {
            Conversation made = new Conversation(a, b);
            em.persist(made);
            em.flush(); // the new row is ours alone until commit
            return made;
        });
    }

    private Optional<Conversation> lockedConversation(long a, long b) {
        return em.createNamedQuery(Conversation.BETWEEN_FOR_UPDATE, Conversation.class)
                .setParameter("low", Math.min(a, b)).setParameter("high", Math.max(a, b))
                .getResultStream().findFirst();
    }
}
