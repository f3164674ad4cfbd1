package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.Caller;
import dev.parley.rooms.control.Moderation;
import dev.parley.rooms.control.Membership;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.control.RoomSettings;
import dev.parley.rooms.entity.ListedUser;
import dev.parley.rooms.entity.MembersPage;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

    @Inject
    RoomSettings settings;

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
    @Operation(operationId = "listMembers", summary = "A room's members, their roles and whether they are online")
    @APIResponse(responseCode = "200", description = "A page of members",
            content = @Content(schema = @Schema(implementation = MembersPage.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public MembersPage members(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                               @Parameter(description = "The last username of the previous page", example = "bob") @QueryParam("after") String after,
                               @Parameter(description = "1 to " + Moderation.MAX_MEMBERS + ", default " + Moderation.DEFAULT_MEMBERS,
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit) {
        return moderation.members(caller.userId(), name, after, limit); // the limit is read once access is decided
    }

    @SpendsWriteBudget
    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeRoom", summary = "Change a room's topic or retention")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "change",
            value = "{\"topic\": \"Release planning\", \"retention\": \"P90D\"}")))
    @APIResponse(responseCode = "200", description = "The room, as the caller sees it now", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Map<String, RoomView> change(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                                        JsonObject body) {
        InvalidPayload.requireBody(body);
        String malformed = Stream.of("topic", "retention").filter(field -> !textOrNull(body.get(field))).findFirst()
                .map(field -> field + " must be a string or null").orElse(null);
        return Map.of("room", settings.change(caller.userId(), name, new RoomSettings.Change(body.containsKey("topic"), text(body, "topic"),
                body.containsKey("retention"), text(body, "retention"), malformed)));
    }

    private static boolean textOrNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL || value instanceof JsonString;
    }

    /** A field's string, or null (absent, null or not a string: the caller tells these apart). */
    private static String text(JsonObject body, String field) {
        return body.get(field) instanceof JsonString string ? string.getString() : null;
    }

    @GET
    @Path("{name}/bans")
    @Operation(operationId = "listBans", summary = "Who is banned from a room")
    @APIResponse(responseCode = "200", description = "The banned users, by username",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ListedUser.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public List<ListedUser> bans(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return moderation.bans(caller.userId(), name);
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
