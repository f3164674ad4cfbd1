package dev.parley.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A user's membership of a room, with how far they have read in it. */
@Entity
@Table(name = "room_members")
@IdClass(RoomMember.Key.class)
public class RoomMember {
    @Id
    @Column(name = "room_id") private long roomId;

    @Id
    @Column(name = "user_id") private long userId;
    @Column(name = "last_read_id", nullable = false) private long lastReadId;

    protected RoomMember() {
    }

    public static class Key implements Serializable {
        private long roomId;
        private long userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.roomId == roomId && k.userId == userId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(roomId) * 31 + Long.hashCode(userId);
        }
    }
}
