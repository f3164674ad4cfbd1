package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.History;
import dev.parley.messages.control.Messages;
import dev.parley.messages.entity.Page;
import dev.parley.sessions.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A room's messages over REST: the same effect as the Socket.IO {@code message} and {@code history} events. */
@Path("rooms/{name}/messages")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class RoomMessagesResource {
    @Inject
    Caller caller;

    @Inject
    Messages messages;

    @Inject
    History history;


    @GET
    @Operation(summary = "A page of the room's history: newest first with before, oldest first with after; limit 1..200, default 50")
    public Page history(@PathParam("name") String room, @QueryParam("before") String before,
                        @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return history.room(room, PageQuery.number("before", before), PageQuery.number("after", after), PageQuery.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a message to a room the caller is in (403 otherwise); a repeated clientMsgId returns the first message")
    public Response post(@PathParam("name") String room, NewMessage body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        var posted = messages.postToRoom(caller.userId(), room, body.text(), body.clientMsgId());
        return Response.status(201).entity(Map.of("message", posted.message())).build();
    }
}
