package dev.parley.signon.control;

import dev.parley.accounts.control.AccountDeleted;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.Unauthorized;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import dev.parley.signon.entity.HandoverCode;
import dev.parley.signon.entity.Identity;
import dev.parley.signon.entity.SeenLogoutToken;
import dev.parley.signon.entity.SignOnSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Accounts of people who signed on, by (issuer, sub); the one-time codes that hand the page a
 * session; and the Parley sessions of each provider session, which back-channel logout ends.
 */
@ApplicationScoped
@Transactional
public class Identities {
    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    SignOnSettings settings;

    /** Who signed on, as the provider's ID token (or userinfo) says. */
    public record Person(String issuer, String subject, String sid, String preferredUsername, String displayName) {
    }

    /**
     * The person's account, made on their first sign-on, and a one-time code for it that the page
     * trades for a session: the code is returned, only its hash is kept.
     */
    String handOver(Person person) {
        User user = em.createNamedQuery(Identity.BY_SUBJECT, Identity.class)
                .setParameter("issuer", person.issuer()).setParameter("subject", person.subject())
                .getResultStream().findFirst()
                .map(identity -> accounts.byId(identity.userId()))
                .orElseGet(() -> {
                    User made = accounts.signedOn(person.preferredUsername(), person.displayName());
                    em.persist(new Identity(made.id(), person.issuer(), person.subject()));
                    return made;
                });
        Instant now = Instant.now();
        em.createQuery("DELETE FROM HandoverCode c WHERE c.expiresAt < :now").setParameter("now", now).executeUpdate();
        String code = Secrets.random();
        em.persist(new HandoverCode(Secrets.hash(code), user.id(), person.issuer(), person.subject(), person.sid(),
                now.plus(settings.codeTtl())));
        return code;
    }

    /** A session for the one-time code, which works once, before it expires; {@link Unauthorized} else. */
    public Sessions.Login redeem(String code, String userAgent, String ip) {
        if (code == null || code.isBlank()) throw new InvalidPayload("code is required");
        HandoverCode handover = code.length() > 100 ? null : em.find(HandoverCode.class, Secrets.hash(code));
        if (handover == null || em.createQuery("DELETE FROM HandoverCode c WHERE c.codeHash = :hash")
                .setParameter("hash", handover.codeHash()).executeUpdate() != 1) {
            throw new Unauthorized("This sign-in code is unknown or was used already");
        }
        if (!handover.liveAt(Instant.now())) throw new Unauthorized("This sign-in code has expired");
        Sessions.Login login = sessions.open(accounts.byId(handover.userId()), userAgent, ip);
        em.persist(new SignOnSession(login.session().id(), handover.issuer(), handover.subject(), handover.sid()));
        return login;
    }

    /**
     * Ends the Parley sessions of the provider session {@code sid}, or, without one, every sign-on
     * session of the person; a token seen before ({@code tokenHash}, kept for {@code keep}) is refused.
     */
    int logOut(String issuer, String sid, String subject, String tokenHash, Duration keep) {
        Instant now = Instant.now();
        em.createQuery("DELETE FROM SeenLogoutToken t WHERE t.seenAt < :before")
                .setParameter("before", now.minus(keep)).executeUpdate();
        if (em.find(SeenLogoutToken.class, tokenHash) != null) throw new InvalidPayload("This logout token was used already");
        em.persist(new SeenLogoutToken(tokenHash, now));
        try {
            em.flush();
        } catch (PersistenceException replayed) { // the same token racing this one, stored first
            throw new InvalidPayload("This logout token was used already");
        }
        List<String> ids = sid != null
                ? em.createNamedQuery(SignOnSession.IDS_BY_SID, String.class).setParameter("issuer", issuer).setParameter("sid", sid).getResultList()
                : em.createNamedQuery(SignOnSession.IDS_BY_SUBJECT, String.class).setParameter("issuer", issuer).setParameter("subject", subject).getResultList();
        return sessions.end(ids, EndReason.SSO_LOGOUT);
    }

    // In the deleting transaction: the person signing on again later gets a new account, not the tombstone.
    void accountDeleted(@Observes AccountDeleted deleted) {
        em.createQuery("DELETE FROM Identity i WHERE i.userId = :user").setParameter("user", deleted.userId()).executeUpdate();
    }
}
