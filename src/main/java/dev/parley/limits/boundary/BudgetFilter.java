package dev.parley.limits.boundary;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import dev.parley.http.Caller;
import dev.parley.limits.control.UserBudget;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Takes one from the caller's {@code budget} before the call runs; past it, 429 {@code rate_limited} saying {@code refusal}. */
record BudgetFilter(Caller caller, UserBudget budget, String refusal) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) return; // refused as unauthorized before this runs
        if (!budget.take(caller.userId())) {
            request.abortWith(RestErrors.respond(429, ErrorBody.of(ErrorCode.RATE_LIMITED, refusal)));
        }
    }
}
