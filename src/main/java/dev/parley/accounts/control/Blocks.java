package dev.parley.accounts.control;

import dev.parley.accounts.entity.Block;
import dev.parley.accounts.entity.BlockView;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who blocks whom, and the rule that follows: a blocked user can no longer reach the blocker. Their
 * direct messages to the blocker, their edits of earlier ones and reactions in that conversation,
 * their reactions to the blocker's messages anywhere and their invitations of the blocker are
 * refused; their mentions of the blocker notify nothing. The messages and rooms components ask
 * {@link #requireAccepts}, {@link #accepts} and {@link #blockersOf} here, for both protocols.
 */
@ApplicationScoped
@Transactional
public class Blocks {
    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    /** Idempotent: blocking someone already blocked changes nothing. */
    public void block(long blockerId, String username) {
        User blocked = target(username);
        if (blocked.id() == blockerId) throw new InvalidPayload("You cannot block yourself");
        em.find(User.class, blockerId, LockModeType.PESSIMISTIC_WRITE); // two blocks of the same pair at once insert once
        if (!exists(blockerId, blocked.id())) em.persist(new Block(blockerId, blocked.id()));
    }

    /** Idempotent: unblocking someone not blocked changes nothing. */
    public void unblock(long blockerId, String username) {
        User blocked = target(username);
        em.createQuery("DELETE FROM Block b WHERE b.blockerId = :blocker AND b.blockedId = :blocked")
                .setParameter("blocker", blockerId).setParameter("blocked", blocked.id()).executeUpdate();
    }

    /** Oldest block first. */
    public List<BlockView> of(long blockerId) {
        return em.createQuery("SELECT b, u FROM Block b, User u WHERE b.blockerId = :blocker AND u.id = b.blockedId"
                        + " ORDER BY b.blockedAt, u.id", Object[].class)
                .setParameter("blocker", blockerId).getResultStream()
                .map(r -> new BlockView(((User) r[1]).username(), ((User) r[1]).displayName(), ((Block) r[0]).blockedAt()))
                .toList();
    }

    /** {@link Forbidden} when the recipient blocks the sender. */
    public void requireAccepts(long recipientId, long senderId) {
        requireAccepts(recipientId, senderId, "This user does not accept your direct messages");
    }

    /** {@link Forbidden}, saying {@code refusal}, when the recipient blocks the sender. */
    public void requireAccepts(long recipientId, long senderId, String refusal) {
        if (!accepts(recipientId, senderId)) throw new Forbidden(refusal);
    }

    /** The same check without the exception, for a caller whose transaction must go on (a batch of posts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean accepts(long recipientId, long senderId) {
        return !exists(recipientId, senderId);
    }

    /** Of {@code among}, those who block {@code userId} (one query): a mention of them by that user notifies nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> blockersOf(long userId, Collection<Long> among) {
        if (among.isEmpty()) return Set.of();
        return Set.copyOf(em.createQuery("SELECT b.blockerId FROM Block b WHERE b.blockedId = :blocked AND b.blockerId IN :among", Long.class)
                .setParameter("blocked", userId).setParameter("among", among).getResultList());
    }

    /** A deleted account's blocks go, both ways. */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget(@Observes AccountDeleted deleted) {
        em.createQuery("DELETE FROM Block b WHERE b.blockerId = :user OR b.blockedId = :user")
                .setParameter("user", deleted.userId()).executeUpdate();
    }

    // A query, not em.find: an entity read could be answered from what this transaction saw before.
    private boolean exists(long blockerId, long blockedId) {
        return em.createQuery("SELECT COUNT(b) FROM Block b WHERE b.blockerId = :blocker AND b.blockedId = :blocked", Long.class)
                .setParameter("blocker", blockerId).setParameter("blocked", blockedId).getSingleResult() > 0;
    }

    private User target(String username) {
        if (username == null || username.isBlank()) throw new InvalidPayload("username is required");
        return accounts.require(username);
    }
}
