package dev.parley.cluster;

/**
 * This node missed {@code count} events from the other nodes (the relay's buffer overran before it
 * read them): whatever it keeps from them must be read again from the database. Fired locally by
 * {@link Cluster}, on the relay's thread, before the next relayed event.
 */
public record RelayGap(long count) {
}
