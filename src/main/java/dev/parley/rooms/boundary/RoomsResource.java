package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.Caller;
import dev.parley.rooms.control.Moderation;
import dev.parley.rooms.control.Membership;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.MemberView;
import dev.parley.rooms.entity.RoomView;
import dev.parley.limits.boundary.SpendsReadBudget;
import dev.parley.limits.boundary.SpendsWriteBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rooms: list, create, join, leave (the same effect as the Socket.IO room events), the member list,
 * removing a member and handing the room over. Invitations, bans and moderators have resources of
 * their own.
 */
@Path("rooms")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "rooms")
@SecurityRequirement(name = Parley.BEARER)
public class RoomsResource {
    @Inject
    Caller caller;

    @Inject
    RoomListings listings;

    @Inject
    Membership membership;

    @Inject
    Moderation moderation;

    @Schema(description = "A room to create")
    public record NewRoom(@Schema(description = "1 to 64 characters of a-z 0-9 _ - (lower-cased)", example = "general") String name,
                          @Schema(description = "Optional, at most 200 characters", example = "Anything goes") String topic,
                          @jakarta.json.bind.annotation.JsonbProperty("private")
                          @Schema(name = "private", description = "Optional: a private room is seen only by its members and those invited")
                          Boolean isPrivate) {
    }

    @Schema(description = "The member who is to own the room")
    public record NewOwner(@Schema(example = "bob") String username) {
    }

    @GET
    @Operation(operationId = "listRooms", summary = "Every room the caller can see")
    @APIResponse(responseCode = "200", description = "The rooms", content = @Content(schema = @Schema(ref = "RoomList")))
    public List<RoomView> list() {
        return listings.list(caller.userId());
    }

    @SpendsWriteBudget
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRoom", summary = "Create a room")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "room",
            value = "{\"name\": \"general\", \"topic\": \"Anything goes\", \"private\": false}")))
    @APIResponse(responseCode = "201", description = "The new room", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response create(NewRoom body) {
        InvalidPayload.requireBody(body);
        RoomView room = membership.create(caller.userId(), body.name(), body.topic(), Boolean.TRUE.equals(body.isPrivate()));
        return Response.status(201).entity(Map.of("room", room)).build();
    }

    @SpendsReadBudget
    @PUT
    @Path("{name}/members/me")
    @Operation(operationId = "joinRoom", summary = "Join a room")
    @APIResponse(responseCode = "200", description = "The room, with member: true", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Map<String, RoomView> join(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return Map.of("room", membership.join(caller.userId(), name));
    }

    @SpendsReadBudget
    @DELETE
    @Path("{name}/members/me")
    @Operation(operationId = "leaveRoom", summary = "Leave a room")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void leave(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        membership.leave(caller.userId(), name);
    }

    @GET
    @Path("{name}/members")
    @Operation(operationId = "listMembers", summary = "A room's members and their roles",
            description = "The owner first, then the moderators, then the members by username; at most "
                    + Moderation.MAX_MEMBERS + ". For whoever may read the room: anyone for a public room, its members for a "
                    + "private one (404 to those who cannot see it, 403 to someone invited who has not joined).")
    @APIResponse(responseCode = "200", description = "The members",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public List<MemberView> members(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return moderation.members(caller.userId(), name);
    }

    @SpendsWriteBudget
    @DELETE
    @Path("{name}/members/{username}")
    @Operation(operationId = "removeMember", summary = "Remove a member (a kick)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void remove(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                       @Parameter(description = "The member to remove", example = "mallory") @PathParam("username") String username) {
        moderation.remove(caller.userId(), name, username, false);
    }

    @SpendsWriteBudget
    @PUT
    @Path("{name}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "handOverRoom", summary = "Hand the room over to another member")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "owner",
            value = "{\"username\": \"bob\"}")))
    @APIResponse(responseCode = "200", description = "The room, as the caller sees it now", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Map<String, RoomView> handOver(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                                          NewOwner body) {
        InvalidPayload.requireBody(body);
        return Map.of("room", moderation.handOver(caller.userId(), name, body.username()));
    }
}
