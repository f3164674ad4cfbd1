package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.http.Caller;
import dev.parley.rooms.control.Moderation;
import dev.parley.limits.boundary.SpendsWriteBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

/** Bans from a room: by its owner and moderators. A ban also removes; a banned user can neither join nor be invited. */
@Path("rooms/{name}/bans/{username}")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "rooms")
@SecurityRequirement(name = Parley.BEARER)
public class BansResource {
    @Inject
    Caller caller;

    @Inject
    Moderation moderation;

    @SpendsWriteBudget
    @PUT
    @Operation(operationId = "ban", summary = "Ban a user from a room")
    @APIResponse(responseCode = "204", description = "Banned")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void ban(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                    @Parameter(description = "The user to ban", example = "mallory") @PathParam("username") String username) {
        moderation.remove(caller.userId(), name, username, true);
    }

    @SpendsWriteBudget
    @DELETE
    @Operation(operationId = "unban", summary = "Lift a ban")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void unban(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                      @Parameter(description = "The banned user", example = "mallory") @PathParam("username") String username) {
        moderation.unban(caller.userId(), name, username);
    }
}
