package dev.parley.cluster;

import dev.parley.operations.Meters;
import dev.parley.operations.RefuseToStart;
import dev.parley.cluster.grid.Grid;
import dev.parley.cluster.grid.Relay;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one seam between nodes. Components fire {@link ClusterEvent}s as plain CDI events and observe
 * them after commit; this bean relays each committed event to the other nodes (the grid's
 * {@link Relay}: one ordered stream per node), which fire it as a local CDI event there, outside any
 * transaction, on the relay's one thread, in the order the publishing node committed them. An event
 * that came from another node is not relayed again. A single node, the default, has no one to relay to.
 *
 * <p>Everything relayed is sealed with the cluster's secret ({@code parley.cluster.secret}): a node
 * that is clustered without one does not start, and what another node sent with another secret is
 * dropped, counted and logged (at most a line a minute, however many come).
 *
 * <p>Nothing else in Parley knows how many nodes there are.
 */
@ApplicationScoped
public class Cluster {
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
    static final String STREAM = "parley-events";
    /** Set while this node fires an event another node relayed, so that it is not relayed back. */
    private static final ThreadLocal<Boolean> RELAYED = new ThreadLocal<>();
    /** A secret guessed offline from captured traffic must cost more than the data is worth: 32 characters of base64 are 192 bits. */
    static final int SECRET_MIN_LENGTH = 32;
    private static final long REFUSAL_LOG_INTERVAL = Duration.ofMinutes(1).toNanos();

    @Inject
    Grid grid;

    @Inject
    Event<ClusterEvent> local;

    @Inject
    Event<RelayGap> gaps;

    @Resource
    ContextService contexts;

    @Inject
    @ConfigProperty(name = "parley.cluster.relay-capacity")
    int capacity;

    @Inject
    @ConfigProperty(name = "parley.cluster.relay-ttl")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "parley.cluster.await-nodes")
    Duration awaitNodes;

    @Inject
    @ConfigProperty(name = "parley.cluster.secret")
    Optional<String> secret;

    private volatile Relay relay;
    private Meters.Counter lostEvents;
    private Meters.Counter refusedEvents;
    private boolean refusalLogged;
    private long nextRefusalLog;
    private long unloggedRefusals;

    void start(@Observes Startup started, Meters metrics) {
        metrics.gauge("parley_cluster_members", "Nodes in this node's cluster, itself included (1: a single node)", grid::members);
        lostEvents = metrics.counter("parley_cluster_relay_lost", "Events from other nodes lost before this node read them (then caught up from the database)");
        refusedEvents = metrics.counter("parley_cluster_relay_refused",
                "Messages on the relay dropped unread: not sealed with this node's cluster secret, or already taken");
        if (!grid.clustered()) return;
        String sealedWith;
        try {
            sealedWith = requireSecret(secret);
        } catch (IllegalStateException unsealed) {
            throw RefuseToStart.because(LOG, unsealed.getMessage()); // the message names the setting, never its value
        }
        // The relay's thread is Hazelcast's: run what it hands over with this application's context (class loader, JNDI).
        Relay.Receiver inbound = contexts.createContextualProxy(new Inbound(), Relay.Receiver.class);
        relay = grid.relay(STREAM, capacity, ttl, sealedWith, inbound);
        LOG.info("Cluster: events to and from the other nodes are sealed with the cluster secret (AES-GCM)");
    }

    /**
     * The cluster's secret, or an error that stops this node: clustered without one, its events would
     * travel in clear and anything on the cluster network could publish them. A single node (no
     * Hazelcast, the default) never asks.
     */
    static String requireSecret(Optional<String> configured) {
        String s = configured.map(String::strip).orElse("");
        if (s.isEmpty()) {
            throw new IllegalStateException("Cluster: this node is clustered but parley.cluster.secret (PARLEY_CLUSTER_SECRET) is not set."
                    + " Set the same secret on every node (e.g. openssl rand -base64 32), or start a single node with --nohazelcast");
        }
        if (s.length() < SECRET_MIN_LENGTH) {
            throw new IllegalStateException("Cluster: parley.cluster.secret (PARLEY_CLUSTER_SECRET) is " + s.length() + " characters long;"
                    + " it needs at least " + SECRET_MIN_LENGTH + " (e.g. openssl rand -base64 32)");
        }
        return s;
    }

    @PreDestroy
    void stop() {
        Relay r = relay;
        relay = null;
        if (r != null) r.close();
    }

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClusterEvent event) {
        Relay r = relay;
        if (r == null || RELAYED.get() != null) return;
        try {
            if (event.awaitedByEveryNode()) {
                long start = System.nanoTime();
                List<String> silent = r.publishAndAwait(event, awaitNodes);
                if (!silent.isEmpty()) {
                    LOG.warning(() -> "Cluster: " + silent + " did not confirm " + event.getClass().getSimpleName() + " within "
                            + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
            } else {
                r.publish(event);
            }
        } catch (RuntimeException e) {
            // Committed here, not told to the others: they catch up where they can (messages, by their ids) and the log says so.
            LOG.log(Level.WARNING, "Cluster: could not relay " + event.getClass().getSimpleName() + " to the other nodes", e);
        }
    }

    /** How many nodes the cluster has now, this one included: 1 for a single node. */
    public int nodes() {
        return grid.members();
    }

    /** Whether the event being handled on this thread came from another node. */
    public static boolean relayed() {
        return RELAYED.get() != null;
    }

    /** Events from the other nodes, fired here. Public for the container's contextual proxy. */
    public class Inbound implements Relay.Receiver {
        @Override
        public void received(Serializable event) {
            if (!(event instanceof ClusterEvent clusterEvent)) {
                LOG.warning(() -> "Cluster: ignored a relayed " + event.getClass().getName());
                return;
            }
            RELAYED.set(Boolean.TRUE);
            try {
                local.fire(clusterEvent);
            } finally {
                RELAYED.remove();
            }
        }

        @Override
        public void lost(long count) {
            lostEvents.inc(count);
            gaps.fire(new RelayGap(count));
        }

        @Override
        public void refused(String what) {
            refusedEvents.inc(1);
            long now = System.nanoTime();
            long refusals;
            synchronized (Cluster.this) {
                unloggedRefusals++;
                if (refusalLogged && now - nextRefusalLog < 0) return; // a flood must not fill the log
                refusalLogged = true;
                nextRefusalLog = now + REFUSAL_LOG_INTERVAL;
                refusals = unloggedRefusals;
                unloggedRefusals = 0;
            }
            LOG.warning("Cluster: refused " + what + (refusals > 1 ? "; " + refusals + " refused since the last such line" : "")
                    + "; at most one such line a minute");
        }
    }
}
