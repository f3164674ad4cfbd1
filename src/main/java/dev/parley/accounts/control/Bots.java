package dev.parley.accounts.control;

import dev.parley.accounts.entity.User;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.NotFound;
import dev.parley.errors.Unauthorized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Bot accounts: made, listed and deleted by the registered account that owns them. A bot has no
 * password (password login refuses it like a wrong password) and acts only through tokens, which the
 * sessions component makes for its owner. To anyone but its owner a bot is {@code not_found} here.
 */
@ApplicationScoped
@Transactional
public class Bots {
    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Event<AccountCreated> created;

    /**
     * The caller, if a registered person: guests and bots may neither own bots nor make tokens
     * ({@code forbidden}).
     */
    public User requireRegistered(long userId) {
        User user = em.find(User.class, userId);
        if (user == null || user.deleted()) throw new Unauthorized("This account has been deleted");
        if (!user.registered()) throw new Forbidden("Only a registered account can do this");
        return user;
    }

    /** Username rules and {@code conflict} as for registering. */
    public User create(long ownerId, String username, String displayName) {
        requireRegistered(ownerId);
        AccountRules.requireUsername(username);
        String shown = DisplayNames.check(displayName, username);
        if (accounts.find(username).isPresent()) throw new Conflict("That username is taken");
        User bot = User.bot(username, shown, ownerId);
        try {
            em.persist(bot);
            em.flush();
        } catch (PersistenceException e) {
            if (accounts.find(username).isPresent()) throw new Conflict("That username is taken"); // lost a race
            throw e;
        }
        created.fire(new AccountCreated(bot.id())); // in feed, as everyone is
        return bot;
    }

    public List<User> of(long ownerId) {
        requireRegistered(ownerId);
        return em.createNamedQuery(User.BOTS_OF, User.class).setParameter("owner", ownerId).getResultList();
    }

    /** The caller's bot of that name; anyone else's, or no such bot, is {@code not_found}. */
    public User owned(long ownerId, String username) {
        requireRegistered(ownerId);
        return accounts.find(username)
                .filter(u -> u.bot() && !u.deleted() && Long.valueOf(ownerId).equals(u.ownerId()))
                .orElseThrow(() -> new NotFound("No such bot"));
    }

    /** Like deleting an account: its tokens end ({@code account_deleted}), its messages stay, its name comes free. */
    public void delete(long ownerId, String username) {
        User bot = owned(ownerId, username);
        accounts.erase(em.find(User.class, bot.id(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Ids of the account's bots, whose tokens end when the owner is disabled. */
    public List<Long> idsOf(long ownerId) {
        return em.createNamedQuery(User.BOTS_OF, User.class).setParameter("owner", ownerId).getResultList()
                .stream().map(User::id).toList();
    }
}
