package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.messages.control.read.ReadMarkers;
import dev.parley.http.Caller;
import dev.parley.limits.boundary.SpendsWriteBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's read marker in a room: the same effect as the Socket.IO {@code read} event. */
@Path("rooms/{name}/read")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Tag(ref = "messages")
@SecurityRequirement(name = Parley.BEARER)
public class RoomReadResource {
    @Inject
    Caller caller;

    @Inject
    ReadMarkers markers;

    @SpendsWriteBudget
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readRoom", summary = "Move the caller's read marker in a room")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "read", value = ReadUpTo.EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Moved")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void read(@Parameter(description = "The room's name", example = "general") @PathParam("name") String room, ReadUpTo body) {
        InvalidPayload.requireBody(body);
        markers.readRoom(caller.userId(), room, body.upTo());
    }
}
