package dev.parley.sessions.boundary;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import dev.parley.errors.Unauthorized;
import dev.parley.http.Caller;
import dev.parley.sessions.control.Sessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * MP-JWT checks a token's signature and expiry; this refuses a token whose session has ended,
 * before any resource runs, and a personal access token that is not the one handed out. The check
 * is a cache lookup, no query. It tells the {@link Caller} whether the token is a personal access
 * token, for {@code LoginSessionOnly}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class LiveSessionFilter implements ContainerRequestFilter {
    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) return; // endpoints that need a caller are @RolesAllowed
        try {
            caller.usesAccessToken(sessions.requireLive(caller.sessionId(), caller.rawToken()).isToken());
        } catch (Unauthorized ended) {
            request.abortWith(RestErrors.respond(401, ErrorBody.of(ErrorCode.UNAUTHORIZED, ended.getMessage())));
        }
    }
}
