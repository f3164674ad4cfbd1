package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.messages.control.read.History;
import dev.parley.messages.control.write.Messages;
import dev.parley.messages.entity.Page;
import dev.parley.http.Caller;
import dev.parley.limits.boundary.SpendsWriteBudget;
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

/** A room's messages over REST: the same effect as the Socket.IO {@code message} and {@code history} events. */
@Path("rooms/{name}/messages")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "messages")
@SecurityRequirement(name = Parley.BEARER)
public class RoomMessagesResource {
    @Inject
    Caller caller;

    @Inject
    Messages messages;

    @Inject
    History history;


    @GET
    @Operation(operationId = "roomHistory", summary = "A page of a room's history")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "MessagePage")))
    public Page history(@Parameter(description = "The room's name", example = "general") @PathParam("name") String room,
                        @Parameter(description = "Only messages with a smaller id, newest first", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("before") String before,
                        @Parameter(description = "Only messages with a larger id, oldest first", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("after") String after,
                        @Parameter(description = "1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit) {
        return history.room(caller.userId(), room, PageQuery.number("before", before), PageQuery.number("after", after), PageQuery.limit(limit));
    }

    @SpendsWriteBudget
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postToRoom", summary = "Post a message to a room")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "message",
            value = NewMessage.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The stored message", content = @Content(schema = @Schema(ref = "MessageBody")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response post(@Parameter(description = "The room's name", example = "general") @PathParam("name") String room, NewMessage body) {
        return NewMessage.post(body, m -> messages.postToRoom(caller.userId(), null, room, m.text(), m.clientMsgId(), m.replyTo(), m.files()));
    }
}
