package dev.parley.presence.entity;

/** Across the cluster: how many users are online (within their grace period too) and how many sockets are connected. */
public record OnlineTally(long online, long sockets) {
}
