package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.platform.Caller;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.boundary.Write;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public rooms: list, create, join, leave. The same effect as the Socket.IO room events. */
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
    Rooms rooms;

    @Schema(description = "A room to create")
    public record NewRoom(@Schema(description = "1 to 64 characters of a-z 0-9 _ - (lower-cased)", example = "general") String name,
                          @Schema(description = "Optional, at most 200 characters", example = "Anything goes") String topic) {
    }

    @GET
    @Operation(operationId = "listRooms", summary = "Every public room",
            description = "With the number of members, and `member` and `unread` as they are for the caller.")
    @APIResponse(responseCode = "200", description = "The rooms", content = @Content(schema = @Schema(ref = "RoomList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<RoomView> list() {
        return rooms.list(caller.userId());
    }

    @Write
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRoom", summary = "Create a room",
            description = "The creator joins it, and every socket gets `room_created`. 409 if a room of that name exists.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "room",
            value = "{\"name\": \"general\", \"topic\": \"Anything goes\"}")))
    @APIResponse(responseCode = "201", description = "The new room", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response create(NewRoom body) {
        InvalidPayload.requireBody(body);
        RoomView room = rooms.create(caller.userId(), body.name(), body.topic());
        return Response.status(201).entity(Map.of("room", room)).build();
    }

    @PUT
    @Path("{name}/members/me")
    @Operation(operationId = "joinRoom", summary = "Join a room",
            description = "Idempotent. Every socket of the caller joins the room and gets its messages from then on.")
    @APIResponse(responseCode = "200", description = "The room, with member: true", content = @Content(schema = @Schema(ref = "RoomBody")))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Map<String, RoomView> join(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return Map.of("room", rooms.join(caller.userId(), name));
    }

    @DELETE
    @Path("{name}/members/me")
    @Operation(operationId = "leaveRoom", summary = "Leave a room",
            description = "Every socket of the caller leaves the room. The built-in room `feed` cannot be left (403).")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void leave(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        rooms.leave(caller.userId(), name);
    }
}
