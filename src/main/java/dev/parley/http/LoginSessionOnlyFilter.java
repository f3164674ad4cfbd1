package dev.parley.http;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** The one rule of {@link LoginSessionOnly}: after the session was found live, a token is refused. */
@Provider
@LoginSessionOnly
@Priority(Priorities.AUTHORIZATION)
public class LoginSessionOnlyFilter implements ContainerRequestFilter {
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (caller.isAuthenticated() && caller.viaAccessToken()) {
            request.abortWith(RestErrors.respond(403, ErrorBody.of(ErrorCode.FORBIDDEN,
                    "A personal access token cannot do this; log in")));
        }
    }
}
