package dev.parley.administration.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Admins;
import dev.parley.accounts.entity.User;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A server admin ends every session and token of an account (reason {@code revoked}) without disabling
 * it: it can log in again. Its sockets are cut, on every node, by the sessions' usual ending.
 */
@ApplicationScoped
@Transactional
public class SessionTermination {
    @Inject
    Admins admins;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    /** How many sessions and tokens ended. */
    public int terminate(long adminId, String username) {
        admins.requireAdmin(adminId);
        User user = accounts.require(username);
        return sessions.endEverything(user.id(), EndReason.REVOKED);
    }
}
