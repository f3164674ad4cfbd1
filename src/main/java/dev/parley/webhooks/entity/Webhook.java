package dev.parley.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An incoming webhook: a URL that posts into one room as the person who made it. Its secret is kept
 * only as a SHA-256 hash ({@code secretHash}, hex), so a copy of the database hands out no working URL.
 */
@Entity
@Table(name = "webhooks")
@NamedQuery(name = Webhook.IN_ROOM, query = "SELECT w FROM Webhook w WHERE w.roomId = :room ORDER BY w.id")
@NamedQuery(name = Webhook.BY_CREATOR, query = "SELECT w FROM Webhook w WHERE w.createdBy = :user")
public class Webhook {
    public static final String IN_ROOM = "Webhook.inRoom";
    public static final String BY_CREATOR = "Webhook.byCreator";
    public static final int MAX_NAME = 64;

    @Id
    @SequenceGenerator(name = "webhook_id", sequenceName = "webhook_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_id") private Long id;
    @Column(name = "room_id", nullable = false) private long roomId;
    @Column(nullable = false) private String name;
    @Column(name = "secret_hash", nullable = false) private String secretHash;
    @Column(name = "created_by", nullable = false) private long createdBy;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected Webhook() {
    }

    public Webhook(long roomId, String name, String secretHash, long createdBy) {
        this.roomId = roomId;
        this.name = name;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long id() { return id; }
    public long roomId() { return roomId; }
    public String name() { return name; }
    public String secretHash() { return secretHash; }
    public long createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
}
