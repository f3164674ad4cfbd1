package dev.parley.limits.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A socket's event budget: each socket gets a bucket of its own, kept with the socket on the node that
 * holds it (a socket lives on one node, so nothing is shared across the cluster).
 */
@ApplicationScoped
public class SocketEventBudget {
    @Inject
    @ConfigProperty(name = "parley.socket.rate.burst")
    int burst;

    @Inject
    @ConfigProperty(name = "parley.socket.rate.per-second")
    double perSecond;

    /** A full bucket for a socket that has just connected. */
    public RateBucket forNewSocket() {
        return new RateBucket(burst, perSecond);
    }
}
