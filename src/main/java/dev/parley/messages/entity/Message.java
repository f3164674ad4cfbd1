package dev.parley.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A stored message, in a room ({@code roomId}) or direct to one user ({@code recipientId}). */
@Entity
@Table(name = "messages")
@NamedQuery(name = Message.BY_CLIENT_IDS,
        query = "SELECT m FROM Message m WHERE m.senderId IN :senders AND m.clientMsgId IN :clientMsgIds")
public class Message {
    public static final String BY_CLIENT_IDS = "Message.byClientIds";

    /** One id at a time, taken under the room's lock, so that ids rise in commit order within a room. */
    // Assigned from message_id_seq by MessageBatches, many in one query, under the rows' locks (so ids
    // rise in commit order per room); not @GeneratedValue: Hibernate takes a set id of a generated
    // one as a detached entity and refuses to persist it.
    @Id private Long id;
    @Column(name = "room_id") private Long roomId;
    @Column(name = "recipient_id") private Long recipientId;
    @Column(name = "conversation_id") private Long conversationId;
    @Column(name = "sender_id", nullable = false) private long senderId;
    @Column(name = "body", nullable = false) private String text;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "client_msg_id") private String clientMsgId;

    /** The message this one answers, in the same room or conversation. */
    @Column(name = "reply_to") private Long replyTo;
    @Column(name = "edited_at") private Instant editedAt;

    /** Set when deleted: the row stays as a tombstone, its text emptied. */
    @Column(name = "deleted_at") private Instant deletedAt;

    /** The last edit, deletion or reaction: what sync's updates are chosen by. */
    @Column(name = "changed_at") private Instant changedAt;

    /** The name of the incoming webhook that posted it for its sender, as it was then; null otherwise. */
    @Column(name = "via") private String via;

    protected Message() {
    }

    private Message(Long roomId, Long conversationId, Long recipientId, long senderId, String text, String clientMsgId,
                    Long replyTo) {
        this.roomId = roomId;
        this.conversationId = conversationId;
        this.recipientId = recipientId;
        this.senderId = senderId;
        this.text = text;
        this.clientMsgId = clientMsgId;
        this.replyTo = replyTo;
        this.createdAt = now();
    }

    public static Message inRoom(long roomId, long senderId, String text, String clientMsgId, Long replyTo) {
        return inRoom(roomId, senderId, text, clientMsgId, replyTo, null);
    }

    /** A room message, posted by the incoming webhook named {@code via} when that is not null. */
    public static Message inRoom(long roomId, long senderId, String text, String clientMsgId, Long replyTo, String via) {
        Message m = new Message(roomId, null, null, senderId, text, clientMsgId, replyTo);
        m.via = via;
        return m;
    }

    public static Message direct(long conversationId, long senderId, long recipientId, String text, String clientMsgId,
                                 Long replyTo) {
        return new Message(null, conversationId, recipientId, senderId, text, clientMsgId, replyTo);
    }

    /** The id, taken for a whole batch in one query (MessageBatches); the sequence is not asked again. */
    public void assignId(long id) { this.id = id; }

    public Long id() { return id; }
    public Long conversationId() { return conversationId; }
    public Long roomId() { return roomId; }
    public Long recipientId() { return recipientId; }
    public long senderId() { return senderId; }
    public String text() { return text; }
    public Instant createdAt() { return createdAt; }
    public String clientMsgId() { return clientMsgId; }
    public Long replyTo() { return replyTo; }
    public Instant editedAt() { return editedAt; }
    public boolean deleted() { return deletedAt != null; }
    public String via() { return via; }

    public void edit(String newText) {
        this.text = newText;
        this.editedAt = now();
        changed(editedAt);
    }

    /** A tombstone: the text goes, the row (its id and place) stays. */
    public void delete() {
        this.text = "";
        this.deletedAt = now();
        changed(deletedAt);
    }

    /** Its reactions changed. */
    public void touch() {
        changed(now());
    }

    /**
     * When it last changed: rises with every change of this message, whichever node's clock made it
     * (changes are made under the row's lock), so that it orders a message's changes everywhere.
     */
    public Instant changedAt() { return changedAt; }

    private void changed(Instant at) {
        this.changedAt = changedAt == null || at.isAfter(changedAt) ? at : changedAt.plusMillis(1);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
