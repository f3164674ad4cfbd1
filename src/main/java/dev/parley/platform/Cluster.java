package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The one seam between nodes. Components fire {@link ClusterEvent}s as plain CDI events and observe
 * them after commit; this bean relays each committed event to the other nodes, which fire it as a
 * local CDI event there. A single node, the default, has no one to relay to.
 *
 * <p>The clustered implementation goes here and only here (Payara's Hazelcast topic behind
 * {@code --clustername}); nothing else in Parley knows how many nodes there are.
 */
@ApplicationScoped
public class Cluster {

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClusterEvent event) {
        // Single node: the local observers have it already.
    }
}
