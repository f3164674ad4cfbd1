package dev.parley.messages.boundary;

import dev.parley.Parley;
import dev.parley.messages.control.read.Search;
import dev.parley.messages.entity.Page;
import dev.parley.http.Caller;
import dev.parley.limits.boundary.SpendsReadBudget;
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

/** Full-text search over what the caller may read. */
@Path("search")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "messages")
@SecurityRequirement(name = Parley.BEARER)
public class SearchResource {
    @Inject
    Caller caller;

    @Inject
    Search search;

    @SpendsReadBudget
    @GET
    @Operation(operationId = "search", summary = "Search messages")
    @APIResponse(responseCode = "200", description = "A page of matches", content = @Content(schema = @Schema(ref = "MessagePage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Page search(@Parameter(description = "What to look for, 1 to 200 characters", required = true, example = "release notes") @QueryParam("q") String q,
                       @Parameter(description = "Only this room", example = "general") @QueryParam("room") String room,
                       @Parameter(description = "Only the conversation with this user", example = "bob") @QueryParam("with") String with,
                       @Parameter(description = "Only messages with a smaller id", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("before") String before,
                       @Parameter(description = "1 to 100, default 20", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit) {
        Long max = PageQuery.number("limit", limit);
        return search.search(caller.userId(), q, room, with, PageQuery.number("before", before),
                max == null ? null : (int) Math.max(Math.min(max, Integer.MAX_VALUE), Integer.MIN_VALUE));
    }
}
