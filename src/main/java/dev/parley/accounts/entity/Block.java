package dev.parley.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One user blocking another: the blocked user's direct messages to the blocker are refused. */
@Entity
@Table(name = "blocks")
@IdClass(Block.Key.class)
public class Block {
    @Id
    @Column(name = "blocker_id") private long blockerId;

    @Id
    @Column(name = "blocked_id") private long blockedId;
    @Column(name = "blocked_at", nullable = false) private Instant blockedAt;

    protected Block() {
    }

    public Block(long blockerId, long blockedId) {
        this.blockerId = blockerId;
        this.blockedId = blockedId;
        this.blockedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public long blockedId() { return blockedId; }
    public Instant blockedAt() { return blockedAt; }

    /** A plain class, not a record: EclipseLink sets an id class's fields, and a record's are final. */
    public static class Key implements Serializable {
        private long blockerId;
        private long blockedId;

        public Key() {
        }

        public Key(long blockerId, long blockedId) {
            this.blockerId = blockerId;
            this.blockedId = blockedId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.blockerId == blockerId && k.blockedId == blockedId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(blockerId) * 31 + Long.hashCode(blockedId);
        }
    }
}
