package dev.parley.limits.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One write budget per user for REST (posts, rooms, read markers, edits, reactions, invites), the
 * same size as a socket's event budget by default, so that REST is no way around the socket limits.
 */
@ApplicationScoped
public class WriteBudget extends UserBudget {
    @Inject
    void size(@ConfigProperty(name = "parley.rest.rate.burst") int burst,
              @ConfigProperty(name = "parley.rest.rate.per-second") double perSecond) {
        size("rest-writes", burst, perSecond);
    }
}
