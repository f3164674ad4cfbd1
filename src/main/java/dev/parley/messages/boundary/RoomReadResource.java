package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.ReadMarkers;
import dev.parley.sessions.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's read marker in a room: the same effect as the Socket.IO {@code read} event. */
@Path("rooms/{name}/read")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
public class RoomReadResource {
    @Inject
    Caller caller;

    @Inject
    ReadMarkers markers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the caller's read marker in the room up to a message id; unread counts follow")
    public void read(@PathParam("name") String room, ReadUpTo body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        markers.readRoom(caller.userId(), room, body.upTo());
    }
}
