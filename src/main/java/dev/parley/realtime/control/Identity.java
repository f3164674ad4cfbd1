package dev.parley.realtime.control;

/** Who a socket belongs to: settled once, when it connects. */
public record Identity(long userId, String username, String sessionId) {
}
