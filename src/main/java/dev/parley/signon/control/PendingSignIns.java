package dev.parley.signon.control;

import dev.parley.signon.entity.PendingSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins on their way through the provider, in the database so that any node can finish one. Each
 * is taken once: the first callback with its state deletes it, and a second finds nothing.
 */
@ApplicationScoped
@Transactional
public class PendingSignIns {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    void save(PendingSignIn pending) {
        em.createQuery("DELETE FROM PendingSignIn p WHERE p.createdAt < :before")
                .setParameter("before", Instant.now().minus(LIFETIME)).executeUpdate();
        em.persist(pending);
    }

    /**
     * The sign-in of {@code state} if it is known, not yet taken, younger than {@link #LIFETIME} and
     * started by the browser that holds {@code browserSecret}; it is deleted then, so that nobody
     * can take it again. A wrong browser leaves it to the right one.
     */
    Optional<PendingSignIn> take(String state, String browserSecret) {
        if (state == null || state.length() > 64) return Optional.empty();
        PendingSignIn pending = em.find(PendingSignIn.class, state);
        if (pending == null || !Secrets.matches(browserSecret, pending.browserHash())) return Optional.empty();
        int taken = em.createQuery("DELETE FROM PendingSignIn p WHERE p.state = :state")
                .setParameter("state", state).executeUpdate();
        if (taken != 1) return Optional.empty(); // another callback took it first
        if (pending.createdAt().isBefore(Instant.now().minus(LIFETIME))) return Optional.empty();
        return Optional.of(pending);
    }
}
