package dev.parley.presence.boundary;

import dev.parley.Parley;
import dev.parley.http.Caller;
import dev.parley.http.PageSize;
import dev.parley.presence.control.Presence;
import dev.parley.presence.entity.OnlinePage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users/online")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class OnlineUsersResource {
    private static final PageSize PAGE = new PageSize(Presence.DEFAULT_PAGE, Presence.MAX_PAGE);

    @Inject
    Presence presence;

    @GET
    @Operation(operationId = "onlineUsers", summary = "Who is online now, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of the users online", content = @Content(schema = @Schema(ref = "OnlineUserPage")))
    public OnlinePage online(@Parameter(description = "Only users whose username sorts after this one (case-insensitive)", example = "alice") @QueryParam("after") String after,
                             @Parameter(description = "1 to 500, default 200", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit) {
        return presence.page(after == null || after.isEmpty() ? null : after, PAGE.of(limit));
    }

}
