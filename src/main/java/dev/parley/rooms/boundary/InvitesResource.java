package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.http.Caller;
import dev.parley.rooms.control.Moderation;
import dev.parley.limits.boundary.SpendsWriteBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.parley.rooms.entity.ListedUser;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invitations to a room: by its owner and moderators; the invitee gets {@code room_invited} and may join. */
@Path("rooms/{name}/invites")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "rooms")
@SecurityRequirement(name = Parley.BEARER)
public class InvitesResource {
    @Inject
    Caller caller;

    @Inject
    Moderation moderation;

    @Schema(description = "Who to invite")
    public record Invitee(@Schema(example = "bob") String username) {
    }

    @SpendsWriteBudget
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "invite", summary = "Invite a user to a room")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "invitee",
            value = "{\"username\": \"bob\"}")))
    @APIResponse(responseCode = "204", description = "Invited")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void invite(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name, Invitee body) {
        moderation.invite(caller.userId(), name, body == null ? null : body.username()); // who may invite is decided first
    }

    @GET
    @Operation(operationId = "listInvites", summary = "Who is invited to a room and has not joined yet")
    @APIResponse(responseCode = "200", description = "The invited users, by username",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ListedUser.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public List<ListedUser> list(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return moderation.invites(caller.userId(), name);
    }

    @SpendsWriteBudget
    @DELETE
    @Path("{username}")
    @Operation(operationId = "withdrawInvite", summary = "Withdraw an invitation (or decline one's own)")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void withdraw(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                         @Parameter(description = "The invitee", example = "bob") @PathParam("username") String username) {
        moderation.withdraw(caller.userId(), name, username);
    }
}
