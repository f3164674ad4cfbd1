package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's MP-JWT identity store logs every bearer token it cannot verify (malformed, badly signed,
 * expired) at INFO with a 56-line stack trace, so anyone could fill the log with one bad request
 * after another; a refused token is an ordinary 401. Its level is raised to WARNING here, so its
 * warnings and errors (a missing key, say) still show. Set from the application rather than as a
 * pre-boot {@code set-log-levels} command: that command reloads Payara Micro's logging configuration
 * and loses its log format for the whole server. Remove when Payara logs a refused token at FINE.
 */
@ApplicationScoped
public class ContainerLogs {
    /** Held: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    private static final Logger JWT_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    void quiet(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        JWT_STORE.setLevel(Level.WARNING);
    }
}
