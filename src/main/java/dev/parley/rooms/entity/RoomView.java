package dev.parley.rooms.entity;

import java.time.Instant;

/** The contract's {@code room} object, as one caller sees it. */
public record RoomView(String name, String topic, String createdBy, Instant createdAt, long members,
                       boolean member, long unread) {
}
