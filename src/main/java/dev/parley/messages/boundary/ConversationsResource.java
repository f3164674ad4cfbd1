package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.History;
import dev.parley.messages.control.Messages;
import dev.parley.messages.control.ReadMarkers;
import dev.parley.messages.entity.ConversationView;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Direct conversations over REST: the same effect as {@code private_message}, {@code history} and {@code read}. */
@Path("conversations")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {
    @Inject
    Caller caller;

    @Inject
    Messages messages;

    @Inject
    History history;

    @Inject
    ReadMarkers markers;

    @GET
    @Operation(summary = "The caller's direct conversations, most recent first, with the last message and the unread count")
    public List<ConversationView> list() {
        return history.conversations(caller.userId());
    }

    @GET
    @Path("{username}/messages")
    @Operation(summary = "A page of the conversation with a user: newest first with before, oldest first with after")
    public Page page(@PathParam("username") String with, @QueryParam("before") String before,
                     @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return history.conversation(caller.userId(), with, PageQuery.number("before", before),
                PageQuery.number("after", after), PageQuery.limit(limit));
    }

    @POST
    @Path("{username}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a direct message; 404 for an unknown user")
    public Response post(@PathParam("username") String to, NewMessage body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        var posted = messages.postDirect(caller.userId(), to, body.text(), body.clientMsgId());
        return Response.status(201).entity(Map.of("message", posted.message())).build();
    }

    @POST
    @Path("{username}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the caller's read marker in the conversation up to a message id")
    public void read(@PathParam("username") String with, ReadUpTo body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        markers.readConversation(caller.userId(), with, body.upTo());
    }
}
