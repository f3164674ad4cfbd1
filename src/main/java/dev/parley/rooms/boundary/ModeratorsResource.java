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

/** A room's moderators: named and removed by its owner. */
@Path("rooms/{name}/moderators/{username}")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "rooms")
@SecurityRequirement(name = Parley.BEARER)
public class ModeratorsResource {
    @Inject
    Caller caller;

    @Inject
    Moderation moderation;

    @SpendsWriteBudget
    @PUT
    @Operation(operationId = "addModerator", summary = "Make a member a moderator")
    @APIResponse(responseCode = "204", description = "A moderator now")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void add(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                    @Parameter(description = "The member", example = "bob") @PathParam("username") String username) {
        moderation.moderator(caller.userId(), name, username, true);
    }

    @SpendsWriteBudget
    @DELETE
    @Operation(operationId = "removeModerator", summary = "Make a moderator a plain member again")
    @APIResponse(responseCode = "204", description = "A plain member now")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void remove(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                       @Parameter(description = "The moderator", example = "bob") @PathParam("username") String username) {
        moderation.moderator(caller.userId(), name, username, false);
    }
}
