package dev.parley.messages.control.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which node of those sharing a database runs the retention sweep: the one that holds the lease row
 * ({@code sweep_leases}, migration V16), taken and renewed by a conditional UPDATE in a transaction of
 * its own. The database is what every node shares, whatever the server (Payara's Hazelcast, WildFly
 * without a grid, nodes that are not clustered at all), and a one-row UPDATE ... WHERE is the same
 * SQL on PostgreSQL and H2; PostgreSQL's advisory locks are neither portable nor safe on pooled
 * connections, and a row lock held for a whole sweep would keep a transaction open for minutes.
 * The holder renews it before each batch; one that stops (killed, paused past the lease) loses it when
 * it runs out, and another node carries on. Two nodes that overlap all the same (a pause longer than
 * the lease) cost double work, never a wrong result: each batch locks and deletes its rows by id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SweepLease {
    static final String RETENTION = "retention";

    @PersistenceContext
    EntityManager em;

    /** Takes or renews the lease for {@code holder} until {@code until}; false while another node holds it. */
    public boolean hold(String holder, Instant now, Instant until) {
        return em.createNativeQuery("UPDATE sweep_leases SET holder = ?1, held_until = ?2"
                        + " WHERE name = ?3 AND (holder = ?4 OR held_until < ?5)")
                .setParameter(1, holder).setParameter(2, at(until)).setParameter(3, RETENTION)
                .setParameter(4, holder).setParameter(5, at(now))
                .executeUpdate() == 1;
    }

    /** Gives the lease up (a node shutting down), so that another node need not wait for it to run out. */
    public void release(String holder, Instant now) {
        em.createNativeQuery("UPDATE sweep_leases SET held_until = ?1 WHERE name = ?2 AND holder = ?3")
                .setParameter(1, at(now)).setParameter(2, RETENTION).setParameter(3, holder).executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
