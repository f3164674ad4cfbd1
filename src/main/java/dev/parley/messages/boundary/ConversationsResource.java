package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.read.History;
import dev.parley.messages.control.read.ReadMarkers;
import dev.parley.messages.control.write.Messages;
import dev.parley.messages.entity.ConversationView;
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
import java.util.List;
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

/** Direct conversations over REST: the same effect as {@code private_message}, {@code history} and {@code read}. */
@Path("conversations")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "messages")
@SecurityRequirement(name = Parley.BEARER)
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
    @Operation(operationId = "listConversations", summary = "The caller's direct conversations")
    @APIResponse(responseCode = "200", description = "The conversations", content = @Content(schema = @Schema(ref = "ConversationList")))
    public List<ConversationView> list() {
        return history.conversations(caller.userId());
    }

    @GET
    @Path("{username}/messages")
    @Operation(operationId = "conversationHistory", summary = "A page of the conversation with a user")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "MessagePage")))
    public Page page(@Parameter(description = "The other user's username", example = "bob") @PathParam("username") String with,
                     @Parameter(description = "Only messages with a smaller id, newest first", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("before") String before,
                     @Parameter(description = "Only messages with a larger id, oldest first", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("after") String after,
                     @Parameter(description = "1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit) {
        return history.conversation(caller.userId(), with, PageQuery.number("before", before),
                PageQuery.number("after", after), PageQuery.limit(limit));
    }

    @SpendsWriteBudget
    @POST
    @Path("{username}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postDirect", summary = "Send a direct message")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "message",
            value = NewMessage.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The stored message", content = @Content(schema = @Schema(ref = "MessageBody")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response post(@Parameter(description = "The other user's username", example = "bob") @PathParam("username") String to, NewMessage body) {
        return NewMessage.post(body, m -> messages.postDirect(caller.userId(), null, to, m.text(), m.clientMsgId(), m.replyTo(), m.files()));
    }

    @SpendsWriteBudget
    @POST
    @Path("{username}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readConversation", summary = "Move the caller's read marker in a conversation")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "read", value = ReadUpTo.EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Moved")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void read(@Parameter(description = "The other user's username", example = "bob") @PathParam("username") String with, ReadUpTo body) {
        InvalidPayload.requireBody(body);
        markers.readConversation(caller.userId(), with, body.upTo());
    }
}
