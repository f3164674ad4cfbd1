package dev.parley.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, when a query fails for want of a connection, waits 5 s and tries again, up to 3
 * times: with the database gone, a send hung for 15 s or more before anyone heard of it. The
 * container's pool already validates every connection it hands out and makes new ones as needed,
 * so a retry here only delays the answer: the client gets {@code unavailable} at once and retries
 * itself (errors/DatabaseDown).
 */
public class FailFast implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
