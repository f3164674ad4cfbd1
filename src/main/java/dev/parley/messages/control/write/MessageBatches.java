package dev.parley.messages.control.write;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.ParleyException;
import dev.parley.files.entity.StoredFile;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.control.MessageFiles;
import dev.parley.messages.control.MessagePosted;
import dev.parley.messages.control.MessageViews;
import dev.parley.messages.entity.Conversation;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.database.Database;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a batch of posts, to any rooms and conversations, in a transaction of its own (the poster
 * running it may be storing for others): the rooms' rows locked in one query, one query for the
 * batch's memberships and one for its senders, one for its clientMsgIds, one for its ids, one for
 * its files (locked, so that a file is attached once; none without files), the inserts and the
 * files' updates flushed together, each room's and conversation's last id written once. Ids are
 * taken under the rows' locks, in the order of the posts, so they rise in commit order within each
 * room and conversation. A post's refusal (not a member, no such room or user, blocked, files not
 * the sender's to attach) is its own outcome: nothing here throws for one post, since an exception would roll back the whole batch.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class MessageBatches {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess rooms;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    Event<MessagePosted> posted;

    @Inject
    Mentions mentions;

    @Inject
    MessageDetails details;

    @Inject
    MessageFiles files;

    @Inject
    Database database; // PostgreSQL or H2: how to ask the sequence for several ids

    /** Where a post goes once checked: a locked room, or a locked conversation with its recipient. */
    private record Target(Room room, Conversation conversation, User recipient) {
    }

    /** The outcomes, in the order of {@code posts}. */
    List<Outcome> store(List<Pending> posts) {
        Map<String, Room> locked = lockRooms(posts); // also makes a resent clientMsgId wait for the first
        Map<Long, User> senders = senders(posts);
        Set<String> memberships = memberships(locked.values(), posts);
        Map<String, Object> directs = directs(posts); // Target or the refusal, by sender and recipient
        Target[] targets = new Target[posts.size()];
        ParleyException[] refused = new ParleyException[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            Pending p = posts.get(i);
            if (p.room() != null) {
                Room room = locked.get(p.room());
                if (room == null) refused[i] = new NotFound("No such room");
                else if (!memberships.contains(room.id() + ":" + p.senderId())) refused[i] = rooms.refusalToPost(room, p.senderId());
                else targets[i] = new Target(room, null, null);
            } else {
                Object direct = directs.get(directKey(p));
                if (direct instanceof ParleyException e) refused[i] = e;
                else targets[i] = (Target) direct;
            }
        }
        Map<String, MessageView> sent = sentBefore(posts, targets);
        List<Outcome> outcomes = new ArrayList<>(posts.size());
        int storing = 0;
        for (int i = 0; i < posts.size(); i++) {
            String key = clientKey(posts.get(i));
            if (targets[i] == null) {
                outcomes.add(new Outcome(null, null, refused[i]));
            } else if (key != null && sent.containsKey(key)) {
                outcomes.add(new Outcome(new Posted(sent.get(key), false), null, null));
            } else {
                outcomes.add(null);
                storing++;
            }
        }
        Iterator<Long> ids = ids(storing).iterator(); // one too many for each clientMsgId repeated in the batch: a gap
        Map<Long, StoredFile> attachable = files.lockForAttaching(fileIds(posts, outcomes));
        for (int i = 0; i < posts.size(); i++) {
            if (outcomes.get(i) != null) continue;
            Pending p = posts.get(i);
            Target t = targets[i];
            String key = clientKey(p);
            if (key != null && sent.containsKey(key)) { // the same clientMsgId earlier in this batch
                outcomes.set(i, new Outcome(new Posted(sent.get(key), false), null, null));
                continue;
            }
            List<StoredFile> attached = attachable(p, attachable);
            if (attached == null) {
                outcomes.set(i, new Outcome(null, null, new InvalidPayload("files must be files you uploaded and have not attached elsewhere")));
                continue;
            }
            Message m = t.room() != null ? Message.inRoom(t.room().id(), p.senderId(), p.text(), p.clientMsgId(), p.replyTo(), p.via())
                    : Message.direct(t.conversation().id(), p.senderId(), t.recipient().id(), p.text(), p.clientMsgId(), p.replyTo());
            m.assignId(ids.next()); // taken under the rows' locks, in the order of the posts
            em.persist(m);
            for (int at = 0; at < attached.size(); at++) attached.get(at).attachTo(m.id(), at);
            long previousId = t.room() != null ? t.room().lastMessageId() : t.conversation().lastMessageId(); // under the row's lock: exact
            if (t.room() != null) t.room().posted(m.id());
            else t.conversation().posted(m.id());
            MessageView view = MessageViews.of(m, t.room() == null ? null : t.room().name(), senders.get(p.senderId()),
                    t.recipient() == null ? null : t.recipient().username(), p.mentions().names(), files.views(attached));
            if (key != null) sent.put(key, view);
            outcomes.set(i, new Outcome(new Posted(view, true), new MessagePosted(view, p.senderId(),
                    t.room() == null ? null : t.room().id(), t.recipient() == null ? null : t.recipient().id(), p.senderSocketId(),
                    p.mentions().heard(), previousId, t.conversation() == null ? null : t.conversation().id()), null));
        }
        em.flush(); // inside the method, so that a broken constraint surfaces here (see Messages.store)
        for (int i = 0; i < posts.size(); i++) { // rows referencing the flushed messages
            if (outcomes.get(i).event() != null) mentions.record(outcomes.get(i).event(), posts.get(i).mentions());
        }
        for (Outcome o : outcomes) {
            if (o.event() != null) posted.fire(o.event());
        }
        return outcomes;
    }

    /** The files named by the posts still to be stored. */
    private static Set<Long> fileIds(List<Pending> posts, List<Outcome> outcomes) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            if (outcomes.get(i) == null) ids.addAll(posts.get(i).files());
        }
        return ids;
    }

    /**
     * The post's files, in its order, if each is the sender's and attached to nothing (nor to an earlier
     * post of this batch); else null, and none is taken.
     */
    private static List<StoredFile> attachable(Pending p, Map<Long, StoredFile> attachable) {
        List<StoredFile> files = new ArrayList<>(p.files().size());
        for (Long id : p.files()) {
            StoredFile f = attachable.get(id);
            if (f == null || f.ownerId() != p.senderId() || f.messageId() != null) return null;
            files.add(f);
        }
        files.forEach(f -> attachable.remove(f.id())); // taken: a later post of the batch naming it is refused
        return files;
    }

    private Map<String, Room> lockRooms(List<Pending> posts) {
        Set<String> names = posts.stream().map(Pending::room).filter(Objects::nonNull).collect(Collectors.toSet());
        return names.isEmpty() ? Map.of() : rooms.lockForPosts(names);
    }

    /** The batch's senders (each may be refused later; they exist: they are signed in). */
    private Map<Long, User> senders(List<Pending> posts) {
        List<Long> ids = posts.stream().map(Pending::senderId).distinct().toList();
        return em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(User::id, u -> u));
    }

    /** Which of the batch's senders are members of which of its rooms, as "roomId:userId". */
    private Set<String> memberships(Collection<Room> locked, List<Pending> posts) {
        if (locked.isEmpty()) return Set.of();
        List<Long> roomIds = locked.stream().map(Room::id).toList();
        List<Long> senderIds = posts.stream().filter(p -> p.room() != null).map(Pending::senderId).distinct().toList();
        Set<String> members = new HashSet<>();
        em.createQuery("SELECT m.roomId, m.userId FROM RoomMember m WHERE m.roomId IN :rooms AND m.userId IN :users", Object[].class)
                .setParameter("rooms", roomIds).setParameter("users", senderIds)
                .getResultStream().forEach(row -> members.add(row[0] + ":" + row[1]));
        return members;
    }

    private static String clientKey(Pending p) {
        return p.clientMsgId() == null ? null : p.senderId() + ":" + p.clientMsgId();
    }

    private static String directKey(Pending p) {
        return p.senderId() + ":" + User.keyOf(p.to());
    }

    /**
     * Per sender and recipient of the batch's direct posts: the locked conversation, or the refusal
     * they all get. Conversations are locked in the order of their users, so batches cannot deadlock.
     */
    private Map<String, Object> directs(List<Pending> posts) {
        Map<String, Object> directs = new HashMap<>();
        List<Object[]> toLock = new ArrayList<>(); // key, sender id, recipient
        for (Pending p : posts) {
            if (p.to() == null || directs.containsKey(directKey(p))) continue;
            Optional<User> recipient = accounts.find(p.to());
            if (recipient.isEmpty()) {
                directs.put(directKey(p), new NotFound("No such user"));
            } else if (recipient.get().id() == p.senderId()) {
                directs.put(directKey(p), new InvalidPayload("A direct message needs someone else"));
            } else if (!blocks.accepts(recipient.get().id(), p.senderId())) {
                directs.put(directKey(p), new Forbidden("This user does not accept your direct messages"));
            } else {
                directs.put(directKey(p), null);
                toLock.add(new Object[] {directKey(p), p.senderId(), recipient.get()});
            }
        }
        toLock.sort(Comparator.comparingLong((Object[] d) -> Math.min((long) d[1], ((User) d[2]).id()))
                .thenComparingLong(d -> Math.max((long) d[1], ((User) d[2]).id())));
        for (Object[] d : toLock) {
            User recipient = (User) d[2];
            directs.put((String) d[0], new Target(null, lockConversation((long) d[1], recipient.id()), recipient));
        }
        return directs;
    }

    /**
     * The messages the batch's senders stored before under the clientMsgIds they give now, by sender
     * and clientMsgId (only for posts that may be stored).
     */
    private Map<String, MessageView> sentBefore(List<Pending> posts, Target[] targets) {
        Map<String, MessageView> sent = new HashMap<>();
        List<Pending> asking = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).clientMsgId() != null && targets[i] != null) asking.add(posts.get(i));
        }
        if (asking.isEmpty()) return sent;
        List<String> clientMsgIds = asking.stream().map(Pending::clientMsgId).distinct().toList();
        List<Long> senderIds = asking.stream().map(Pending::senderId).distinct().toList();
        List<Message> found = em.createNamedQuery(Message.BY_CLIENT_IDS, Message.class)
                .setParameter("senders", senderIds).setParameter("clientMsgIds", clientMsgIds).getResultList();
        if (found.isEmpty()) return sent;
        // As it is now, mentions and reactions included: a resend's ack has the first ack's shape.
        List<MessageView> views = details.complete(found.stream().map(m -> details.viewOf(m, em.find(User.class, m.senderId()))).toList());
        for (int i = 0; i < found.size(); i++) sent.put(found.get(i).senderId() + ":" + found.get(i).clientMsgId(), views.get(i));
        return sent;
    }

    /**
     * {@code n} new message ids in one query rather than one round trip per message. Taken under the
     * rows' locks, so each is above every id committed to those rooms and conversations.
     */
    private List<Long> ids(int n) {
        if (n == 0) return List.of();
        List<?> rows = em.createNativeQuery(database.postgres() ? "SELECT nextval('message_id_seq') FROM generate_series(1, ?1)"
                : "SELECT NEXT VALUE FOR message_id_seq FROM SYSTEM_RANGE(1, ?1)").setParameter(1, n).getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).sorted().toList();
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
