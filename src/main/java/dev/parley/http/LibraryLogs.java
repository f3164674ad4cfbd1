package dev.parley.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loggers of the container and of libraries that log a client's mistake with a stack trace, so that
 * anyone could fill the log with one bad request after another; the client is answered as usual
 * (401, a closed connection). Each is raised one level above the one it logs those at, so that its
 * other warnings and errors still show. Set from the application rather than as a pre-boot
 * {@code set-log-levels} command: that command reloads Payara Micro's logging configuration and
 * loses its log format for the whole server.
 */
@ApplicationScoped
public class LibraryLogs {
    /**
     * Payara's MP-JWT identity store logs every bearer token it cannot verify (malformed, badly signed,
     * expired) at INFO with a 56-line stack trace. Remove when Payara logs a refused token at FINE.
     */
    private static final Logger JWT_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    /**
     * socket.io-server 4.1.2 logs a packet whose JSON it cannot parse at WARNING with a stack trace
     * (IOParser.Decoder.decodeString, its only warning), then closes that connection. Remove when the
     * library logs it at FINE.
     */
    private static final Logger SOCKET_IO_PARSER = Logger.getLogger("io.socket.socketio.server.parser.IOParser");

    /**
     * Hibernate (WildFly's JPA) logs every SQL error with the database's message, which quotes the
     * values of a duplicate key, before Parley handles it (errors/DatabaseDown, a taken clientMsgId).
     * WildFly's log manager backs java.util.logging, so the level set here holds. Payara has no such logger.
     */
    private static final Logger HIBERNATE_SQL_ERRORS = Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    void quiet(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        JWT_STORE.setLevel(Level.WARNING);
        SOCKET_IO_PARSER.setLevel(Level.SEVERE);
        HIBERNATE_SQL_ERRORS.setLevel(Level.OFF);
    }
}
