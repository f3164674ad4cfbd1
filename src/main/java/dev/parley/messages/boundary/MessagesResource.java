package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.messages.control.write.MessageChanges;
import dev.parley.messages.entity.MessageView;
import dev.parley.http.Caller;
import dev.parley.limits.boundary.SpendsWriteBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** One message over REST: the same effect as {@code edit_message}, {@code delete_message}, {@code react} and {@code unreact}. */
@Path("messages/{id}")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "messages")
@SecurityRequirement(name = Parley.BEARER)
public class MessagesResource {
    @Inject
    Caller caller;

    @Inject
    MessageChanges changes;

    @SpendsWriteBudget
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editMessage", summary = "Edit a message")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "edit", value = "{\"text\": \"hello, fixed\"}")))
    @APIResponse(responseCode = "200", description = "The edited message", content = @Content(schema = @Schema(ref = "MessageBody")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Map<String, MessageView> edit(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                                         @PathParam("id") String id, EditedText body) {
        // No body is no text, refused once it is known that the caller may edit the message.
        return Map.of("message", changes.edit(caller.userId(), PageQuery.number("id", id), body == null ? null : body.text()));
    }

    @SpendsWriteBudget
    @DELETE
    @Operation(operationId = "deleteMessage", summary = "Delete a message")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void delete(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                       @PathParam("id") String id) {
        changes.delete(caller.userId(), PageQuery.number("id", id));
    }

    @SpendsWriteBudget
    @PUT
    @Path("reactions/{emoji}")
    @Operation(operationId = "react", summary = "React to a message")
    @APIResponse(responseCode = "204", description = "Reacted")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void react(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
                      @Parameter(description = "One emoji or a :shortcode:, URL-encoded", example = "%F0%9F%91%8D") @PathParam("emoji") String emoji) {
        changes.react(caller.userId(), PageQuery.number("id", id), emoji, true);
    }

    @SpendsWriteBudget
    @DELETE
    @Path("reactions/{emoji}")
    @Operation(operationId = "unreact", summary = "Take back a reaction")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void unreact(@Parameter(description = "The message's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
                        @Parameter(description = "One emoji or a :shortcode:, URL-encoded", example = "%F0%9F%91%8D") @PathParam("emoji") String emoji) {
        changes.react(caller.userId(), PageQuery.number("id", id), emoji, false);
    }
}
