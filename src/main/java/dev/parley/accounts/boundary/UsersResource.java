package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.UserView;
import dev.parley.sessions.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("users")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @GET
    @Path("me")
    @Operation(summary = "The caller's own user")
    public Map<String, UserView> me() {
        return Map.of("user", accounts.byId(caller.userId()).view());
    }
}
