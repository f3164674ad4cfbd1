package dev.parley.accounts.control;

import dev.parley.accounts.entity.User;
import dev.parley.rooms.control.Rooms;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.errors.RateLimited;
import dev.parley.errors.Unauthorized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registering, proving who you are, and finding users. */
@ApplicationScoped
@Transactional
public class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Rooms rooms;

    @Inject
    @ConfigProperty(name = "parley.guest-access")
    Optional<Boolean> guestAccess;

    @Inject
    @ConfigProperty(name = "parley.db.url")
    String databaseUrl;

    public User register(String username, String password, String displayName) {
        requireUsername(username);
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new InvalidPayload("password must be 8 to 128 characters");
        }
        String shown = displayNameOr(displayName, username);
        if (find(username).isPresent()) throw new Conflict("That username is taken");
        User user = new User(username, shown, passwords.hash(password), false);
        try {
            em.persist(user);
            em.flush();
            rooms.joinFeed(user.id());
        } catch (PersistenceException e) {
            if (find(username).isPresent()) throw new Conflict("That username is taken"); // lost a race
            throw e;
        }
        return user;
    }

    /** The same answer for an unknown user and a wrong password, in about the same time. */
    public User authenticate(String username, String password, String address) {
        if (username == null || password == null) throw new InvalidPayload("username and password are required");
        String key = User.keyOf(username);
        if (throttle.isLocked(key, address)) throw new RateLimited("Too many failed logins; try again later");
        Optional<User> user = find(username);
        String stored = user.map(User::passwordHash).orElse(null);
        if (!passwords.matches(password, stored)) {
            throttle.recordFailure(key, address);
            throw new Unauthorized("Wrong username or password");
        }
        throttle.recordSuccess(key, address);
        return user.get();
    }

    /** Username-only login for throwaway accounts; a registered name stays its owner's. */
    public User guest(String username) {
        if (!guestAccessOn()) throw new Forbidden("Guest access is off on this server");
        requireUsername(username);
        Optional<User> existing = find(username);
        if (existing.isPresent()) {
            if (!existing.get().guest()) throw new Conflict("That username belongs to a registered user");
            return existing.get();
        }
        User user = new User(username, username, null, true);
        em.persist(user);
        em.flush();
        rooms.joinFeed(user.id());
        return user;
    }

    public boolean guestAccessOn() {
        return guestAccess.orElseGet(() -> databaseUrl.startsWith("jdbc:h2:"));
    }

    public Optional<User> find(String username) {
        return em.createNamedQuery(User.BY_KEY, User.class)
                .setParameter("key", User.keyOf(username))
                .getResultStream().findFirst();
    }

    public User byId(long id) {
        User user = em.find(User.class, id);
        if (user == null) throw new NotFound("No such user");
        return user;
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidPayload("username must be 3 to 32 characters of A-Z a-z 0-9 _ . -");
        }
    }

    private static String displayNameOr(String displayName, String username) {
        if (displayName == null || displayName.isBlank()) return username;
        String trimmed = displayName.strip();
        if (trimmed.length() > 64) throw new InvalidPayload("displayName must be at most 64 characters");
        return trimmed;
    }
}
