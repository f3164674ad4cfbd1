package dev.parley.realtime.server;

/**
 * Who a socket belongs to: settled once, when it connects. {@code accessToken}: it connected with a
 * personal access token, which may not end sessions.
 */
public record SocketCaller(long userId, String username, String sessionId, boolean accessToken) {
}
