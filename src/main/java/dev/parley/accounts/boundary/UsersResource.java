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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class UsersResource {
    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @GET
    @Path("me")
    @Operation(operationId = "me", summary = "The caller's own user", description = "The user the bearer token belongs to.")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(schema = @Schema(ref = "UserBody")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Map<String, UserView> me() {
        return Map.of("user", accounts.byId(caller.userId()).view());
    }
}
