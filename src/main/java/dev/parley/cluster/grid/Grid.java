package dev.parley.cluster.grid;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The data grid this node shares with the others of its cluster, if any: the Hazelcast instance that
 * Payara Micro runs when it is started with its clustering options (none with {@code --nohazelcast},
 * the single-node default). Decided once. Elsewhere (WildFly, or Payara without Hazelcast) Parley runs
 * as one node and says so at startup.
 *
 * <p>The instance is handed out as {@code Object}: this bean must load in a container that has no
 * Hazelcast classes. Only the {@code grid} packages cast it and name Hazelcast, in plain classes that
 * are loaded only once {@link #clustered()} said yes.
 */
@ApplicationScoped
public class Grid {
    private static final Logger LOG = Logger.getLogger(Grid.class.getName());
    private static final String PAYARA_JNDI = "payara/Hazelcast";

    private Object hazelcast;

    @PostConstruct
    void find() {
        if (!loadable("com.hazelcast.core.HazelcastInstance")) {
            LOG.info("Cluster: none, running as a single node (no Hazelcast in this container)");
            return;
        }
        Object found = lookup();
        if (found == null) {
            LOG.info("Cluster: none, running as a single node (the container's Hazelcast is off)");
            return;
        }
        hazelcast = found;
        LOG.info("Cluster: " + Members.describe(found));
    }

    /** Whether this node is part of a data grid (possibly, for now, the only member of it). */
    public boolean clustered() {
        return hazelcast != null;
    }

    /** The grid's {@code com.hazelcast.core.HazelcastInstance}; only for the {@code grid} packages, after {@link #clustered()}. */
    public Object instance() {
        if (hazelcast == null) throw new IllegalStateException("not clustered");
        return hazelcast;
    }

    /**
     * Subscribes {@code receiver} to the ordered stream {@code name} that every node publishes to (see
     * {@link Relay}); its ringbuffer keeps {@code capacity} events for at most {@code ttl}. What it carries
     * is sealed with {@code secret}: only the nodes that share it read each other.
     */
    public Relay relay(String name, int capacity, java.time.Duration ttl, String secret, Relay.Receiver receiver) {
        return TopicRelay.start(instance(), name, capacity, ttl, secret, receiver);
    }

    /** How many nodes the grid has now, this one included: 1 when not clustered. */
    public int members() {
        return hazelcast == null ? 1 : Members.count(hazelcast);
    }

    private static Object lookup() {
        try {
            Object found = new InitialContext().lookup(PAYARA_JNDI);
            return found != null && Members.running(found) ? found : null;
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, Grid.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
