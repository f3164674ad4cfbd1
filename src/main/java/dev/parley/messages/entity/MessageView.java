package dev.parley.messages.entity;

import java.io.Serializable;
import java.time.Instant;

/** The contract's {@code message} object: {@code room} set for room messages, {@code to} for direct ones. */
public record MessageView(long id, String room, String to, String from, String fromDisplayName,
                          String text, Instant createdAt, String clientMsgId) implements Serializable {
}
