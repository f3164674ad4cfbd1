package dev.parley.messages.control.write;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.ParleyException;
import dev.parley.errors.TooLarge;
import dev.parley.messages.control.MessageFiles;
import dev.parley.messages.control.MessagePosted;
import dev.parley.operations.Meters;
import dev.parley.rooms.control.RoomAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posting messages, to a room or to one user. A post is committed before anyone hears of it: the
 * {@link MessagePosted} event is observed after commit, and callers ack only once this returns.
 * Posts are stored in batches across rooms and conversations ({@link GroupCommit}), each under
 * the rows' locks, so ids rise in commit order within each room and conversation. Who may post is
 * decided there too, so a plain valid post costs no query for it here; a reply, or a post about to be
 * refused for its text, asks first: access is decided before anything else the request carries.
 */
@ApplicationScoped
public class Messages {
    public static final int MAX_CLIENT_MSG_ID = 64;

    @Inject
    GroupCommit groupCommit;

    @Inject
    MessageBatches batches;

    @Inject
    Replies replies;

    @Inject
    Mentions mentions;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    RoomAccess rooms;

    @Inject
    @ConfigProperty(name = "parley.message-max-length")
    int maxLength;

    private Meters.Counter stored;

    /**
     * @param senderSocketId the socket it came from, which delivery leaves out (null over REST); the
     *                       poster storing the batch may be serving another socket's handler
     */
    public Posted postToRoom(long senderId, String senderSocketId, String roomName, String text, String clientMsgId, Long replyTo) {
        return postToRoom(senderId, senderSocketId, roomName, text, clientMsgId, replyTo, null);
    }

    /** A post with files ({@code fileIds}, null or empty for none): with files, its text may be empty. */
    public Posted postToRoom(long senderId, String senderSocketId, String roomName, String text, String clientMsgId, Long replyTo,
                             List<Long> fileIds) {
        String room = RoomAccess.checkName(roomName), body, id;
        List<Long> files;
        try {
            files = MessageFiles.check(fileIds);
            body = checkText(text, !files.isEmpty());
            id = checkClientMsgId(clientMsgId);
        } catch (ParleyException refused) {
            rooms.requireMember(senderId, room); // access first: a private room's stranger learns nothing from their text
            throw refused;
        }
        if (replyTo != null) { // access first, or the answer would tell whether replyTo is one of the room's messages
            rooms.requireMember(senderId, room);
            replies.requireInRoom(replyTo, room);
        }
        return groupCommit.post(new Pending(room, null, senderId, body, id, senderSocketId, replyTo,
                mentions.inRoom(senderId, room, body), null, files), this::store);
    }

    /**
     * A post that an incoming webhook makes for {@code senderId}, its creator: the same post, with the
     * same checks (standing, text, mentions, notifications, fan-out), its message marked {@code via}
     * the webhook's name. Who may use the webhook is the caller's to decide.
     */
    public Posted postToRoomVia(long senderId, String roomName, String text, String via) {
        String room = RoomAccess.checkName(roomName), body = checkText(text);
        return groupCommit.post(new Pending(room, null, senderId, body, null, null, null,
                mentions.inRoom(senderId, room, body), via, List.of()), this::store);
    }

    public Posted postDirect(long senderId, String senderSocketId, String toUsername, String text, String clientMsgId, Long replyTo) {
        return postDirect(senderId, senderSocketId, toUsername, text, clientMsgId, replyTo, null);
    }

    /** A direct message with files ({@code fileIds}, null or empty for none): with files, its text may be empty. */
    public Posted postDirect(long senderId, String senderSocketId, String toUsername, String text, String clientMsgId, Long replyTo,
                             List<Long> fileIds) {
        List<Long> files = MessageFiles.check(fileIds);
        String body = checkText(text, !files.isEmpty()), id = checkClientMsgId(clientMsgId);
        if (toUsername == null || toUsername.isBlank()) throw new InvalidPayload("to is required");
        Mentioned mentioned = Mentioned.NONE;
        if (replyTo != null || body.indexOf('@') >= 0) { // else no lookup at all
            long recipientId = accounts.require(toUsername).id();
            if (replyTo != null) blocks.requireAccepts(recipientId, senderId); // who may, before what the reply names
            replies.requireInConversation(replyTo, senderId, recipientId);
            mentioned = mentions.inConversation(senderId, recipientId, body);
        }
        return groupCommit.post(new Pending(null, toUsername, senderId, body, id, senderSocketId, replyTo, mentioned, null, files),
                this::store);
    }

    /** Created at startup, so that its metric is on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    @Inject
    void count(Meters metrics) {
        stored = metrics.counter("parley_messages_stored", "Messages committed to the database");
    }

    /**
     * Stores a batch and answers each post, after the commit. A batch that broke a constraint (the
     * same sender's clientMsgId taken meanwhile by a post to another room) is stored again post by
     * post, so that the others are not failed with it and the resend finds the first message.
     */
    private void store(List<Pending> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = batches.store(batch);
        } catch (RuntimeException e) {
            if (!brokeAConstraint(e)) throw e;
            for (Pending post : batch) {
                try {
                    answer(List.of(post), batches.store(List.of(post)));
                } catch (RuntimeException alone) {
                    post.answer().completeExceptionally(alone);
                }
            }
            return;
        }
        answer(batch, outcomes);
    }

    private void answer(List<Pending> batch, List<Outcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.refused() != null) {
                batch.get(i).answer().completeExceptionally(outcome.refused());
            } else {
                if (outcome.event() != null) stored.inc();
                batch.get(i).answer().complete(outcome.posted());
            }
        }
    }

    private static boolean brokeAConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) return true;
        }
        return false;
    }

    /** Text as stored: trimmed, 1 to the configured length; for posts and edits alike. */
    String checkText(String text) {
        return checkText(text, false);
    }

    /** Text as stored: trimmed, at most the configured length; empty (or absent) only for a message with files. */
    String checkText(String text, boolean withFiles) {
        if (text == null && withFiles) return "";
        if (text == null) throw new InvalidPayload("text is required");
        String trimmed = text.strip();
        if (trimmed.isEmpty() && !withFiles) throw new InvalidPayload("text must not be empty");
        if (trimmed.length() > maxLength) throw new TooLarge("text is longer than " + maxLength + " characters");
        if (trimmed.indexOf('\u0000') >= 0) throw new InvalidPayload("text must not contain NUL characters"); // PostgreSQL cannot store one
        return trimmed;
    }

    private static String checkClientMsgId(String clientMsgId) {
        if (clientMsgId != null && (clientMsgId.isEmpty() || clientMsgId.length() > MAX_CLIENT_MSG_ID || clientMsgId.indexOf('\u0000') >= 0)) {
            throw new InvalidPayload("clientMsgId must be 1 to " + MAX_CLIENT_MSG_ID + " characters");
        }
        return clientMsgId;
    }
}
