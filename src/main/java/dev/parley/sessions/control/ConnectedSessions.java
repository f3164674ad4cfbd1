package dev.parley.sessions.control;

import java.util.Collection;

/**
 * The sessions that have sockets on this node. The realtime component implements it, so that the
 * session component can end expired sessions on time without knowing of sockets.
 */
public interface ConnectedSessions {

    /** Ids of the sessions with at least one socket here; a live view is fine. */
    Collection<String> sessionIds();

    /** How many sockets of the session are connected here. */
    int socketsOf(String sessionId);
}
