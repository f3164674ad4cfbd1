package dev.parley.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The direct conversation between two users, stored once with the lower user id first. */
@Entity
@Table(name = "conversations")
@NamedQuery(name = Conversation.BETWEEN, query = "SELECT c FROM Conversation c WHERE c.userLow = :low AND c.userHigh = :high")
@NamedQuery(name = Conversation.BETWEEN_FOR_UPDATE, query = "SELECT c FROM Conversation c WHERE c.userLow = :low AND c.userHigh = :high",
        lockMode = LockModeType.PESSIMISTIC_WRITE) // its own query: see Room.BY_NAMES_FOR_UPDATE
@NamedQuery(name = Conversation.OF_USER, query = "SELECT c FROM Conversation c WHERE c.userLow = :user OR c.userHigh = :user")
public class Conversation {
    public static final String BETWEEN = "Conversation.between";
    public static final String BETWEEN_FOR_UPDATE = "Conversation.betweenForUpdate";
    public static final String OF_USER = "Conversation.ofUser";

    @Id
    @SequenceGenerator(name = "conversation_id", sequenceName = "conversation_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_id") private Long id;
    @Column(name = "user_low", nullable = false) private long userLow;
    @Column(name = "user_high", nullable = false) private long userHigh;

    /** Written by every post under the row lock, which orders the conversation's ids by commit. */
    @Column(name = "last_message_id", nullable = false) private long lastMessageId;
    @Column(name = "low_read_id", nullable = false) private long lowReadId;
    @Column(name = "high_read_id", nullable = false) private long highReadId;

    protected Conversation() {
    }

    public Conversation(long a, long b) {
        this.userLow = Math.min(a, b);
        this.userHigh = Math.max(a, b);
    }

    public Long id() { return id; }
    public long lastMessageId() { return lastMessageId; }

    public long other(long userId) {
        return userId == userLow ? userHigh : userLow;
    }

    public long readBy(long userId) {
        return userId == userLow ? lowReadId : highReadId;
    }

    /** Read markers only move forward. */
    public void markRead(long userId, long upTo) {
        if (userId == userLow) lowReadId = Math.max(lowReadId, upTo);
        else highReadId = Math.max(highReadId, upTo);
    }

    public void posted(long messageId) {
        this.lastMessageId = messageId;
    }
}
