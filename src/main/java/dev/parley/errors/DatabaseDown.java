package dev.parley.errors;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Tells a failure caused by the database being out of reach (connection refused, cut, timed out)
 * from a bug, for REST ({@link RestErrors}) and Socket.IO ({@code realtime/server/Handlers}) alike:
 * the client gets the contract's {@code unavailable} (503) and may retry, and the log gets one
 * line, not the 100-line trace of JPA, JTA and the driver that a bug deserves.
 *
 * <p>A statement that waited {@code PARLEY_DB_LOCK_TIMEOUT} for a row another transaction holds
 * (PostgreSQL's {@code lock_timeout}, SQLState 55P03) is {@code unavailable} too: a hang turned into
 * an answer the client may retry, and a logged error, as the holder should never hold a row that long.
 *
 * <p>The cause is looked for down the whole chain, because it arrives wrapped: EclipseLink's
 * {@code DatabaseException} (sometimes as a {@code PessimisticLockException}, when the lost
 * connection was taking a row lock), JTA's rollback, the connection pool's allocation failure.
 */
public final class DatabaseDown {
    private static final Logger LOG = Logger.getLogger(DatabaseDown.class.getName());
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseDown() {
    }

    /** {@code unavailable} when {@code failure} comes from a database out of reach (logged, one line); else null. */
    public static Unavailable recognise(Throwable failure) {
        SQLException lockWait = lockTimeout(failure);
        if (lockWait != null) {
            LOG.severe(() -> "Database lock wait timed out (another transaction held the row longer than the lock timeout),"
                    + " answered 'unavailable': [" + lockWait.getSQLState() + "] " + firstLine(lockWait.getMessage()));
            return new Unavailable("The database is busy; try again shortly");
        }
        Throwable cause = connectionFailure(failure);
        if (cause == null) return null;
        LOG.warning(() -> "Database unreachable, answered 'unavailable': " + cause.getClass().getSimpleName()
                + (cause instanceof SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]" : "")
                + ": " + firstLine(cause.getMessage()));
        return new Unavailable("The database is unavailable; try again shortly");
    }

    /** The link of the chain that says a lock wait ran out (PostgreSQL's lock_not_available), or null. */
    static SQLException lockTimeout(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) return sql;
        }
        return null;
    }

    /** The link of the chain that says the connection failed, or null. */
    static Throwable connectionFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) return t;
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) return t;
            // the driver's socket gave out underneath (refused, reset, read timeout)
            if (t instanceof IOException && t.getClass().getName().startsWith("java.net.")) return t;
            if (t instanceof java.io.EOFException) return t;
        }
        return null;
    }

    /**
     * SQLState class 08 is "connection exception"; PostgreSQL's 57P01-57P03 (the server shutting
     * down or not yet accepting connections) end or refuse the connection too.
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) return t.getCause();
        return t instanceof SQLException sql ? sql.getNextException() : null;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
