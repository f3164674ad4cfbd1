package dev.parley.administration.control;

import dev.parley.accounts.control.Admins;
import dev.parley.administration.entity.ServerStats;
import dev.parley.cluster.Cluster;
import dev.parley.presence.control.Presence;
import dev.parley.presence.entity.OnlineTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The server's numbers for the admin console: accounts and messages counted in the database, who is
 * online and their sockets in the presence directory (shared by every node), the nodes by the cluster.
 * Counting messages reads the whole table: only admins ask, every few seconds while the console is open.
 */
@ApplicationScoped
@Transactional
public class Statistics {
    @PersistenceContext
    EntityManager em;

    @Inject
    Admins admins;

    @Inject
    Presence presence;

    @Inject
    Cluster cluster;

    public ServerStats now(long adminId) {
        admins.requireAdmin(adminId);
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        OnlineTally online = presence.tally();
        long users = count("SELECT COUNT(u) FROM User u WHERE u.deletedAt IS NULL AND u.guest = FALSE AND u.bot = FALSE", null);
        long guests = count("SELECT COUNT(u) FROM User u WHERE u.deletedAt IS NULL AND u.guest = TRUE", null);
        long bots = count("SELECT COUNT(u) FROM User u WHERE u.deletedAt IS NULL AND u.bot = TRUE", null);
        long messages = count("SELECT COUNT(m) FROM Message m WHERE m.deletedAt IS NULL", null);
        long today = count("SELECT COUNT(m) FROM Message m WHERE m.deletedAt IS NULL AND m.createdAt >= :since", midnight);
        // Every stored file, attached or not yet (as quotas count them), and their bytes (thumbnails apart).
        Object[] stored = em.createQuery("SELECT COUNT(f), COALESCE(SUM(f.size), 0) FROM StoredFile f", Object[].class).getSingleResult();
        long files = ((Number) stored[0]).longValue();
        long fileBytes = ((Number) stored[1]).longValue();
        return new ServerStats(users, guests, bots, online.online(), online.sockets(), messages, today, files, fileBytes, cluster.nodes());
    }

    private long count(String jpql, Instant since) {
        var query = em.createQuery(jpql, Long.class);
        if (since != null) query.setParameter("since", since);
        return query.getSingleResult();
    }
}
