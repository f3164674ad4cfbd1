package dev.parley.rooms.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.boundary.Caller;
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

/** Public rooms: list, create, join, leave. The same effect as the Socket.IO room events. */
@Path("rooms")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {
    @Inject
    Caller caller;

    @Inject
    Rooms rooms;

    public record NewRoom(String name, String topic) {
    }

    @GET
    @Operation(summary = "Every public room, with members, and member and unread for the caller")
    public List<RoomView> list() {
        return rooms.list(caller.userId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a room (409 if it exists); the creator joins it and everyone gets room_created")
    public Response create(NewRoom body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        RoomView room = rooms.create(caller.userId(), body.name(), body.topic());
        return Response.status(201).entity(Map.of("room", room)).build();
    }

    @PUT
    @Path("{name}/members/me")
    @Operation(summary = "Join a room (idempotent); every socket of the caller joins it")
    public Map<String, RoomView> join(@PathParam("name") String name) {
        return Map.of("room", rooms.join(caller.userId(), name));
    }

    @DELETE
    @Path("{name}/members/me")
    @Operation(summary = "Leave a room; feed cannot be left (403)")
    public void leave(@PathParam("name") String name) {
        rooms.leave(caller.userId(), name);
    }
}
