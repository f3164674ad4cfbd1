package dev.parley.exports.boundary;

import dev.parley.Parley;
import dev.parley.exports.control.RoomExport;
import dev.parley.http.Caller;
import dev.parley.limits.boundary.SpendsReadBudget;
import dev.parley.rooms.entity.RoomView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A server admin's export of one room's whole history, streamed. */
@Path("admin/rooms/{name}/export")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Tag(ref = "admin")
@SecurityRequirement(name = Parley.BEARER)
public class RoomExportResource {
    @Inject
    Caller caller;

    @Inject
    RoomExport export;

    @GET
    @SpendsReadBudget
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportRoom", summary = "Download a room's whole history (server admins)")
    @APIResponse(responseCode = "200", description = "The room and its messages, as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "{room, exportedAt, messages}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response export(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        RoomView room = export.room(caller.userId(), name);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RoomExport pages = export; // written after this request's method returned: nothing request-scoped is used then
        StreamingOutput body = out -> ExportJson.room(out, room, now, after -> pages.messages(room.name(), after, ExportJson.PAGE));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"parley-room-" + room.name() + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
