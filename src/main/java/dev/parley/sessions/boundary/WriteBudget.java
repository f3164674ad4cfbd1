package dev.parley.sessions.boundary;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import dev.parley.platform.Caller;
import dev.parley.sessions.control.WriteLimit;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Every {@link Write} REST call takes from the caller's write budget; past it, 429 {@code rate_limited}. */
@Provider
@Write
@Priority(Priorities.USER)
public class WriteBudget implements ContainerRequestFilter {
    @Inject
    Caller caller;

    @Inject
    WriteLimit limit;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) return; // refused as unauthorized before this runs
        if (!limit.take(caller.userId())) {
            request.abortWith(RestErrors.respond(429, ErrorBody.of(ErrorCode.RATE_LIMITED, "Too many writes; slow down")));
        }
    }
}
