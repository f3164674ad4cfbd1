package dev.parley.accounts.control;

import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Server admins: a role held by an account id ({@link User#admin}), read from the database on every
 * request, so that granting or taking it works at once on tokens already issued. Never a guest's, and
 * never a name's: a deleted admin's name, registered again, is a new account without the role.
 */
@ApplicationScoped
@Transactional
public class Admins {
    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Event<AccountCreated> created;

    public boolean isAdmin(User user) {
        return user != null && user.admin() && !user.guest() && !user.deleted();
    }

    /** One read by primary key (the persistence context's copy, if this transaction read the user already). */
    public boolean isAdmin(long userId) {
        return isAdmin(em.find(User.class, userId));
    }

    /** Anyone but an admin is {@code forbidden}, whatever else the request names. */
    public void requireAdmin(long userId) {
        if (!isAdmin(userId)) throw new Forbidden("Only a server admin can do this");
    }

    /**
     * {@code adminId} grants or takes the role of {@code target}: never their own (an admin could
     * otherwise leave the server with none), never a guest's. Doing it twice changes nothing.
     */
    public void grant(long adminId, User target, boolean admin) {
        requireAdmin(adminId);
        if (target.id() == adminId) throw new Forbidden("An admin cannot change their own role");
        User user = em.find(User.class, target.id(), LockModeType.PESSIMISTIC_WRITE);
        if (admin && user.guest()) throw new Forbidden("A guest cannot be an admin");
        if (admin && user.bot()) throw new Forbidden("A bot cannot be an admin");
        user.makeAdmin(admin);
    }

    /** What startup does with the account that {@code PARLEY_ADMIN_USERNAME} names ({@link AdminBootstrap}). */
    public enum Bootstrap {
        CREATED, GRANTED, ALREADY_ADMIN, WRONG_PASSWORD, GUEST;

        /** For an existing account: a guest or another password stops the server; else it is (made) an admin. */
        static Bootstrap of(boolean guest, boolean admin, boolean passwordMatches) {
            if (guest) return GUEST;
            if (!passwordMatches) return WRONG_PASSWORD;
            return admin ? ALREADY_ADMIN : GRANTED;
        }
    }

    /**
     * Creates the account as an admin, or makes the existing one an admin if {@code password} is its
     * password. Another node starting at the same moment may create it first: this one's insert then
     * fails on the unique name, and the caller runs this again, which finds it.
     */
    public Bootstrap bootstrap(String username, String password) {
        AccountRules.requireUsername(username);
        User existing = em.createNamedQuery(User.BY_KEY, User.class).setParameter("key", User.keyOf(username))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (existing == null) {
            AccountRules.requirePassword(password, "PARLEY_ADMIN_PASSWORD");
            User user = new User(username, username, passwords.hash(password), false);
            user.makeAdmin(true);
            em.persist(user);
            em.flush();
            created.fire(new AccountCreated(user.id()));
            return Bootstrap.CREATED;
        }
        Bootstrap step = Bootstrap.of(existing.guest(), existing.admin(), passwords.matches(password, existing.passwordHash()));
        if (step == Bootstrap.GRANTED) existing.makeAdmin(true);
        return step;
    }
}
