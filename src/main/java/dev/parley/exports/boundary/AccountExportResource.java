package dev.parley.exports.boundary;

import dev.parley.Parley;
import dev.parley.exports.control.AccountExport;
import dev.parley.exports.entity.AccountParts;
import dev.parley.http.Caller;
import dev.parley.http.LoginSessionOnly;
import dev.parley.limits.boundary.SpendsReadBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's data export: everything the server holds about the caller, streamed. A personal access
 * token cannot ask for it (the contract; a script's token would otherwise carry off the whole account).
 */
@Path("users/me/export")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@LoginSessionOnly
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class AccountExportResource {
    @Inject
    Caller caller;

    @Inject
    AccountExport export;

    @GET
    @SpendsReadBudget
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportMyData", summary = "Download everything the server holds about the caller")
    @APIResponse(responseCode = "200", description = "The export, as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "{account, sessions, rooms, blocks, tokens, bots, messages}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response export() {
        long userId = caller.userId();
        AccountParts parts = export.parts(userId, caller.sessionId());
        AccountExport pages = export; // written after this request's method returned: nothing request-scoped is used then
        StreamingOutput body = out -> ExportJson.account(out, parts, after -> pages.messages(userId, after, ExportJson.PAGE));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"parley-export-" + parts.account().username() + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
