package dev.parley.realtime.server;

/** Who a socket belongs to: settled once, when it connects. */
public record SocketCaller(long userId, String username, String sessionId) {
}
