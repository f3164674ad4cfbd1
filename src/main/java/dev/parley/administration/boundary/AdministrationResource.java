package dev.parley.administration.boundary;

import dev.parley.Parley;
import dev.parley.administration.control.AllAccounts;
import dev.parley.administration.control.AllRooms;
import dev.parley.administration.control.Statistics;
import dev.parley.administration.entity.AccountPage;
import dev.parley.administration.entity.RoomPage;
import dev.parley.administration.entity.ServerStats;
import dev.parley.http.Caller;
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

/**
 * The server admin's listings and numbers; {@code forbidden} to everyone else before anything else is
 * looked at. Acting on one account stays with accounts ({@code admin/users/{username}}); this class
 * sits at {@code admin} with literal sub-paths, so JAX-RS picks that one for a path naming an account.
 */
@Path("admin")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = Parley.BEARER)
public class AdministrationResource {
    @Inject
    Caller caller;

    @Inject
    AllAccounts accounts;

    @Inject
    AllRooms rooms;

    @Inject
    Statistics statistics;

    @GET
    @Path("users")
    @Operation(operationId = "listAccounts", summary = "Every account, a page at a time (server admins only)")
    @APIResponse(responseCode = "200", description = "A page of accounts", content = @Content(schema = @Schema(implementation = AccountPage.class)))
    public AccountPage users(@Parameter(description = "Only accounts whose username or display name starts with this (case-insensitive)", example = "ali")
                             @QueryParam("query") String query,
                             @Parameter(description = "Only accounts whose username sorts after this one (case-insensitive): the last of the previous page", example = "alice")
                             @QueryParam("after") String after,
                             @Parameter(description = "1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                             @QueryParam("limit") String limit) {
        return accounts.page(caller.userId(), query, blankAsNull(after), limit);
    }

    @GET
    @Path("rooms")
    @Operation(operationId = "listAllRooms", summary = "Every room, private ones included, a page at a time (server admins only)")
    @APIResponse(responseCode = "200", description = "A page of rooms", content = @Content(schema = @Schema(implementation = RoomPage.class)))
    public RoomPage rooms(@Parameter(description = "Only rooms whose name sorts after this one: the last of the previous page", example = "general")
                          @QueryParam("after") String after,
                          @Parameter(description = "1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                          @QueryParam("limit") String limit) {
        return rooms.page(caller.userId(), blankAsNull(after), limit);
    }

    @GET
    @Path("stats")
    @Operation(operationId = "serverStats", summary = "The server's numbers: accounts, who is online, messages, nodes (server admins only)")
    @APIResponse(responseCode = "200", description = "The numbers now", content = @Content(schema = @Schema(implementation = ServerStats.class)))
    public ServerStats stats() {
        return statistics.now(caller.userId());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
