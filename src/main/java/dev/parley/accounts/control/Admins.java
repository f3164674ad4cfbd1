package dev.parley.accounts.control;

import dev.parley.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server admins: the registered accounts named in {@code parley.admins} ({@code PARLEY_ADMINS}),
 * compared as usernames are (ignoring case). A guest is never one: guest names go to whoever types
 * them first, so a listed name that is free must not make its first guest an admin.
 */
@ApplicationScoped
@Transactional
public class Admins {
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "parley.admins")
    Optional<String> configured;

    private volatile Set<String> keys; // read once: configuration does not change while running

    private Set<String> keys() {
        if (keys == null) {
            keys = configured.map(names -> Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                    .map(User::keyOf).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        }
        return keys;
    }

    public boolean isAdmin(User user) {
        return user != null && !user.guest() && !user.deleted() && user.username() != null && keys().contains(User.keyOf(user.username()));
    }

    public boolean isAdmin(long userId) {
        return !keys().isEmpty() && isAdmin(em.find(User.class, userId));
    }
}
