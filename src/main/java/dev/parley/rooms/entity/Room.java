package dev.parley.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A room, public or private. {@code feed}, the built-in room every user is in, is one too. */
@Entity
@Table(name = "rooms")
@NamedQuery(name = Room.BY_NAME, query = "SELECT r FROM Room r WHERE r.name = :name")
// Several rooms' rows at once, locked in id order: batches locking overlapping rooms cannot deadlock.
// A named query with its lock mode rather than setLockMode per call: EclipseLink re-prepares a query
// whose lock mode is set per call (DatabaseQuery.checkPrepare), measured at ~6% of server CPU when posting.
@NamedQuery(name = Room.BY_NAMES_FOR_UPDATE, query = "SELECT r FROM Room r WHERE r.name IN :names ORDER BY r.id",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
public class Room {
    public static final String BY_NAME = "Room.byName";
    public static final String BY_NAMES_FOR_UPDATE = "Room.byNamesForUpdate";
    public static final String FEED = "feed";

    @Id
    @SequenceGenerator(name = "room_id", sequenceName = "room_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_id") private Long id;
    @Column(nullable = false) private String name;

    private String topic;

    @Column(name = "created_by") private Long createdBy;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    /** Listed, readable and joinable only by its members and those invited (see {@code rooms/control/Standing}). */
    @Column(name = "is_private", nullable = false) private boolean isPrivate;

    /** The room's own retention as it was set ({@link Retention}); null: the server's. */
    private String retention;

    /** Written by every post under the room's row lock, which orders its messages' ids by commit. */
    @Column(name = "last_message_id", nullable = false) private long lastMessageId;

    protected Room() {
    }

    public Room(String name, String topic, long createdBy, boolean isPrivate) {
        this.name = name;
        this.isPrivate = isPrivate;
        this.topic = topic;
        this.createdBy = createdBy;
        this.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String topic() { return topic; }
    public Long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long lastMessageId() { return lastMessageId; }
    public boolean isPrivate() { return isPrivate; }
    public boolean isFeed() { return FEED.equals(name); }
    public String retention() { return retention; }

    /** The topic from now on; null: none. */
    public void retitle(String topic) {
        this.topic = topic;
    }

    /** Messages older than {@code retention} go at the next sweep; null: the server's retention applies. */
    public void keepFor(Retention retention) {
        this.retention = retention == null ? null : retention.text();
    }

    public void posted(long messageId) {
        this.lastMessageId = messageId;
    }
}
