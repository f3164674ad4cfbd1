package dev.parley.sessions.control;

import dev.parley.accounts.control.Bots;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Personal access tokens, a person's own and their bots': a token is a JWT signed like a login's,
 * naming a session of kind {@code TOKEN}, so that every check, expiry and ending of sessions applies
 * to it (see docs/architecture.md). Only its SHA-256 is stored. It lives until revoked, or until the
 * {@code expiresAt} it was made with; the token lifetime, the absolute session lifetime and refresh
 * do not apply to it.
 */
@ApplicationScoped
@Transactional
public class AccessTokens {
    /** The expiry of a token made without one: far beyond any use, within every clock and column. */
    static final Instant NEVER = Instant.parse("2999-01-01T00:00:00Z");
    static final int MAX_NAME = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    Bots bots;

    /** A token shown once, and what the owner sees of it afterwards. */
    public record Issued(String token, Session session) {
    }

    /** A token of the caller's own; guests and bots are {@code forbidden}. */
    public Issued create(long callerId, String name, String expiresAt) {
        return issue(bots.requireRegistered(callerId), name, expiresAt);
    }

    public List<Session> of(long callerId) {
        return sessions.liveTokens(bots.requireRegistered(callerId).id());
    }

    public void revoke(long callerId, String tokenId) {
        sessions.endToken(bots.requireRegistered(callerId).id(), tokenId);
    }

    /** A token for the caller's bot; someone else's bot is {@code not_found}. */
    public Issued createForBot(long callerId, String bot, String name, String expiresAt) {
        return issue(bots.owned(callerId, bot), name, expiresAt);
    }

    public List<Session> ofBot(long callerId, String bot) {
        return sessions.liveTokens(bots.owned(callerId, bot).id());
    }

    public void revokeForBot(long callerId, String bot, String tokenId) {
        sessions.endToken(bots.owned(callerId, bot).id(), tokenId);
    }

    private Issued issue(User user, String name, String expiresAt) {
        Session session = Session.token(user.id(), checkName(name), expiry(expiresAt));
        String token = tokens.issue(user.id(), user.username(), session.id(), session.expiresAt());
        session.holdHash(TokenHash.of(token));
        em.persist(session);
        return new Issued(token, session);
    }

    /** 1 to 64 characters after stripping, none of them control or format characters. */
    static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME
                || stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidPayload("name must be 1 to " + MAX_NAME + " characters, without control characters");
        }
        return stripped;
    }

    /** An ISO-8601 instant in the future, or {@link #NEVER} when absent. */
    static Instant expiry(String expiresAt) {
        if (expiresAt == null) return NEVER;
        Instant when;
        try {
            when = OffsetDateTime.parse(expiresAt).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidPayload("expiresAt must be an ISO-8601 time, such as 2027-01-31T12:00:00Z");
        }
        if (!when.isAfter(Instant.now())) throw new InvalidPayload("expiresAt must be in the future");
        if (!when.isBefore(NEVER)) throw new InvalidPayload("expiresAt must be before " + NEVER);
        return when;
    }

    /** What the owner sees of a token: never the token or its hash; {@code expiresAt} null when it never expires. */
    public static Instant shownExpiry(Session token) {
        return token.expiresAt().equals(NEVER) ? null : token.expiresAt();
    }
}
