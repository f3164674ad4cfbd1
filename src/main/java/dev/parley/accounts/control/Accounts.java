package dev.parley.accounts.control;

import dev.parley.limits.control.LoginThrottle;
import dev.parley.limits.control.SignupLimit;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.RateLimited;
import dev.parley.errors.Unauthorized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registering, proving who you are, finding users, and what users change of their own account. */
@ApplicationScoped
@Transactional
public class Accounts {
    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignupLimit signups;

    @Inject
    Event<AccountCreated> created;

    @Inject
    Event<AccountDeleted> deleted;

    @Inject
    Event<PasswordChanged> passwordChanged;

    @Inject
    Event<AccountRenamed> renamed;

    @Inject
    Event<AccountDisabled> disabled;

    @Inject
    Admins admins;

    @Inject
    @ConfigProperty(name = "parley.guest-access")
    Optional<Boolean> guestAccess;

    @Inject
    @ConfigProperty(name = "parley.db.url")
    String databaseUrl;

    /** Off: password login and registration are refused to all but server admins (sign-on is the way in). */
    @Inject
    @ConfigProperty(name = "parley.password-login", defaultValue = "true")
    boolean passwordLogin;

    /** A new account counts against its client address ({@link SignupLimit}), as a guest login does. */
    public User register(String username, String password, String displayName, String address) {
        if (!passwordLogin) throw new Forbidden("Registration is off on this server: sign in with its identity provider");
        signups.take(address);
        AccountRules.requireUsername(username);
        AccountRules.requirePassword(password, "password");
        String shown = DisplayNames.check(displayName, username);
        if (find(username).isPresent()) throw new Conflict("That username is taken");
        User user = new User(username, shown, passwords.hash(password), false);
        try {
            em.persist(user);
            em.flush();
            created.fire(new AccountCreated(user.id()));
        } catch (PersistenceException e) {
            if (find(username).isPresent()) throw new Conflict("That username is taken"); // lost a race
            throw e;
        }
        return user;
    }

    /** The same answer for an unknown user and a wrong password, in about the same time. */
    public User authenticate(String username, String password, String address) {
        if (username == null || password == null) throw new InvalidPayload("username and password are required");
        Optional<User> user = find(username);
        prove(User.keyOf(username), user.map(User::passwordHash).orElse(null), password, address, "Wrong username or password");
        // Only after the password: a stranger learns nothing of whether an account is disabled.
        if (user.get().disabled()) throw new Forbidden("This account has been disabled by an administrator");
        // After the password too: whether a name is an admin's stays unknown to whoever lacks it.
        if (!passwordLogin && !admins.isAdmin(user.get())) {
            throw new Forbidden("Password login is off on this server: sign in with its identity provider");
        }
        return user.get();
    }

    /**
     * A new account for someone who signed on at an identity provider: no password (password login
     * fails for it as a wrong password does), a username made from the one the provider suggests,
     * made valid, and made unique with a number appended ({@code bob}, {@code bob2}, {@code bob3}).
     * Never an existing account: the caller keys accounts by the provider's identifier.
     */
    public User signedOn(String suggestedUsername, String displayName) {
        String base = AccountRules.usernameFrom(suggestedUsername);
        for (int n = 1; n <= 1000; n++) {
            String username = AccountRules.numbered(base, n);
            if (find(username).isPresent()) continue;
            User user = new User(username, DisplayNames.lenient(displayName, username), null, false);
            em.persist(user);
            em.flush();
            created.fire(new AccountCreated(user.id()));
            return user;
        }
        throw new Conflict("No free username near " + base);
    }

    public boolean passwordLoginOn() {
        return passwordLogin;
    }

    /**
     * Username-only login for a new throwaway account. A name held by any account, guest or
     * registered, is refused: handing an existing guest's account to whoever types its name gave
     * away its direct messages and sessions. The name comes free once the guest is deleted
     * ({@link GuestRetention}).
     */
    public User guest(String username, String address) {
        signups.take(address);
        if (!guestAccessOn()) throw new Forbidden("Guest access is off on this server");
        AccountRules.requireUsername(username);
        if (find(username).isPresent()) throw new Conflict("That username is taken");
        User user = new User(username, username, null, true);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (find(username).isPresent()) throw new Conflict("That username is taken"); // lost a race
            throw e;
        }
        created.fire(new AccountCreated(user.id()));
        return user;
    }

    public User rename(long userId, String displayName) {
        if (displayName == null) throw new InvalidPayload("displayName is required");
        User user = live(userId);
        String shown = DisplayNames.check(displayName, user.username());
        if (!shown.equals(user.displayName())) {
            user.rename(shown);
            renamed.fire(new AccountRenamed(userId, user.username(), shown));
        }
        return user;
    }

    /** A wrong current password counts as a failed login; the other sessions end unless {@code endOthers} is false. */
    public void changePassword(long userId, String sessionId, String currentPassword, String newPassword,
                               boolean endOthers, String address) {
        User user = live(userId);
        if (user.guest()) throw new Forbidden("A guest account has no password");
        if (user.passwordHash() == null) throw new Forbidden("This account signs on through the identity provider and has no password");
        if (currentPassword == null) throw new InvalidPayload("currentPassword is required");
        AccountRules.requirePassword(newPassword, "newPassword");
        prove(User.keyOf(user.username()), user.passwordHash(), currentPassword, address, "The current password is wrong");
        user.changePassword(passwords.hash(newPassword));
        if (endOthers) passwordChanged.fire(new PasswordChanged(userId, sessionId));
    }

    /**
     * A registered user proves the password first (a wrong one counts as a failed login); a guest, and
     * an account made by sign-on (which has none), need not.
     */
    public void delete(long userId, String password, String address) {
        User user = live(userId);
        if (!user.guest() && user.passwordHash() != null) {
            if (password == null) throw new InvalidPayload("password is required");
            prove(User.keyOf(user.username()), user.passwordHash(), password, address, "The password is wrong");
        }
        erase(em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Guests with no session that ended after the horizon (a session past its expiry counts as
     * ended then). Names the sessions table by its entity only, so that this component does not
     * import the sessions component, which imports this one.
     */
    private static final String IDLE_GUESTS = "SELECT u.id FROM User u WHERE u.guest = TRUE AND u.deletedAt IS NULL"
            + " AND u.createdAt < :horizon AND NOT EXISTS (SELECT s.id FROM Session s WHERE s.userId = u.id"
            + " AND s.expiresAt > :horizon AND (s.endedAt IS NULL OR s.endedAt > :horizon))";

    /** Guests idle since {@code horizon}, lowest id first. */
    public List<Long> guestsIdleSince(Instant horizon, int limit) {
        return em.createQuery(IDLE_GUESTS + " ORDER BY u.id", Long.class)
                .setParameter("horizon", horizon).setMaxResults(limit).getResultList();
    }

    /** Deletes the guest if, once locked, it is still idle since {@code horizon}. */
    public boolean deleteIdleGuest(long userId, Instant horizon) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) return false;
        boolean idle = !em.createQuery(IDLE_GUESTS + " AND u.id = :id", Long.class)
                .setParameter("horizon", horizon).setParameter("id", userId).getResultList().isEmpty();
        if (idle) erase(user);
        return idle;
    }

    /**
     * A server admin disables (every session ends, reason {@code revoked}, in this transaction; login
     * is refused) or enables an account. Anyone else is {@code forbidden}; an admin cannot be disabled
     * (take the role first). Doing it twice changes nothing.
     */
    public void disable(long adminId, String username, boolean disable) {
        admins.requireAdmin(adminId);
        User user = em.find(User.class, require(username).id(), LockModeType.PESSIMISTIC_WRITE);
        if (admins.isAdmin(user)) throw new Forbidden("An admin cannot be disabled");
        if (user.disable(disable) && disable) disabled.fire(new AccountDisabled(user.id()));
    }

    /** A server admin grants or takes the admin role ({@link Admins#grant}); {@code forbidden} to anyone else, before the name is looked at. */
    public void grantAdmin(long adminId, String username, boolean admin) {
        admins.requireAdmin(adminId);
        admins.grant(adminId, require(username), admin);
    }

    public boolean guestAccessOn() {
        return guestAccess.orElseGet(() -> databaseUrl.startsWith("jdbc:h2:"));
    }

    public Optional<User> find(String username) {
        // a name no account can have needs no query; PostgreSQL refuses some (a NUL: 500s, MalformedFramesIT)
        if (username == null || !AccountRules.USERNAME.matcher(username).matches()) return Optional.empty();
        return em.createNamedQuery(User.BY_KEY, User.class)
                .setParameter("key", User.keyOf(username))
                .getResultStream().findFirst();
    }

    /** The user named {@code username}, or {@link NotFound}: every "no such user" answer comes from here. */
    public User require(String username) {
        return find(username).orElseThrow(() -> new NotFound("No such user"));
    }

    /** One place checks passwords, so that every wrong one counts in the login throttle. */
    private void prove(String usernameKey, String storedHash, String password, String address, String wrong) {
        if (throttle.isLocked(usernameKey, address)) throw new RateLimited("Too many failed logins; try again later");
        if (!passwords.matches(password, storedHash)) {
            throttle.recordFailure(usernameKey, address);
            throw new Unauthorized(wrong);
        }
        throttle.recordSuccess(usernameKey, address);
    }

    /**
     * Ends every session (reason {@code account_deleted}, in this transaction), leaves every room and
     * drops blocks both ways (the observers of {@link AccountDeleted}), and leaves a tombstone (see
     * {@link User#erase}); messages stay, shown as from a deleted user. The account's bots are erased
     * first, alike. Public for {@link Bots}, which checks ownership first.
     */
    public void erase(User user) {
        // An owner's bots go with it: nobody could manage them, or end their tokens, any more.
        em.createNamedQuery(User.BOTS_OF, User.class).setParameter("owner", user.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(this::erase);
        deleted.fire(new AccountDeleted(user.id()));
        user.erase();
        em.flush();
    }

    private User live(long userId) {
        User user = em.find(User.class, userId);
        if (user == null || user.deleted()) throw new Unauthorized("This account has been deleted");
        return user;
    }

    public User byId(long id) {
        User user = em.find(User.class, id);
        if (user == null) throw new NotFound("No such user");
        return user;
    }
}
