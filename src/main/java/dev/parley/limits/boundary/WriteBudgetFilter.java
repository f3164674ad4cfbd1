package dev.parley.limits.boundary;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import dev.parley.http.Caller;
import dev.parley.limits.control.WriteBudget;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Every {@link SpendsWriteBudget} REST call takes from the caller's write budget; past it, 429 {@code rate_limited}. */
@Provider
@SpendsWriteBudget
@Priority(Priorities.USER)
public class WriteBudgetFilter implements ContainerRequestFilter {
    @Inject
    Caller caller;

    @Inject
    WriteBudget budget;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) return; // refused as unauthorized before this runs
        if (!budget.take(caller.userId())) {
            request.abortWith(RestErrors.respond(429, ErrorBody.of(ErrorCode.RATE_LIMITED, "Too many writes; slow down")));
        }
    }
}
