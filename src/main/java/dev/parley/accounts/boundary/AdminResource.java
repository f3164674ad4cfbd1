package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Accounts;
import dev.parley.http.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What only server admins may do to accounts; {@code forbidden} to everyone else. */
@Path("admin/users/{username}")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = Parley.BEARER)
public class AdminResource {
    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @POST
    @Path("disable")
    @Operation(operationId = "disableUser", summary = "Disable an account (server admins only)")
    @APIResponse(responseCode = "204", description = "Disabled")
    public void disable(@Parameter(description = "The account to disable", example = "mallory") @PathParam("username") String username) {
        accounts.disable(caller.userId(), username, true);
    }

    @POST
    @Path("enable")
    @Operation(operationId = "enableUser", summary = "Enable a disabled account (server admins only)")
    @APIResponse(responseCode = "204", description = "Enabled")
    public void enable(@Parameter(description = "The account to enable", example = "mallory") @PathParam("username") String username) {
        accounts.disable(caller.userId(), username, false);
    }

    @PUT
    @Path("admin")
    @Operation(operationId = "grantAdmin", summary = "Make an account a server admin (server admins only; never a guest)")
    @APIResponse(responseCode = "204", description = "An admin, at once, on the tokens it already has")
    public void grant(@Parameter(description = "The account to make an admin", example = "alice") @PathParam("username") String username) {
        accounts.grantAdmin(caller.userId(), username, true);
    }

    @DELETE
    @Path("admin")
    @Operation(operationId = "takeAdmin", summary = "Take the server admin role from an account (server admins only; never from themselves)")
    @APIResponse(responseCode = "204", description = "No longer an admin, at once")
    public void take(@Parameter(description = "The account to take the role from", example = "alice") @PathParam("username") String username) {
        accounts.grantAdmin(caller.userId(), username, false);
    }
}
