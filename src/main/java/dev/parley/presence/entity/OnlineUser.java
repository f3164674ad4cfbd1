package dev.parley.presence.entity;

import java.time.Instant;

/** Someone online: the contract's {@code {username, displayName, since}}. */
public record OnlineUser(String username, String displayName, Instant since) {
}
