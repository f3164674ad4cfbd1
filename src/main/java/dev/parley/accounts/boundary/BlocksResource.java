package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.BlockView;
import dev.parley.http.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The people the caller blocks: their direct messages to the caller are refused. */
@Path("users/me/blocks")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class BlocksResource {
    @Inject
    Caller caller;

    @Inject
    Blocks blocks;

    @GET
    @Operation(operationId = "listBlocks", summary = "The people the caller blocks")
    @APIResponse(responseCode = "200", description = "The blocked users",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BlockView.class)))
    public List<BlockView> list() {
        return blocks.of(caller.userId());
    }

    @PUT
    @Path("{username}")
    @Operation(operationId = "block", summary = "Block a user")
    @APIResponse(responseCode = "204", description = "Blocked")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public void block(@Parameter(description = "The user to block", example = "mallory") @PathParam("username") String username) {
        blocks.block(caller.userId(), username);
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "unblock", summary = "Unblock a user")
    @APIResponse(responseCode = "204", description = "Unblocked")
    public void unblock(@Parameter(description = "The user to unblock", example = "mallory") @PathParam("username") String username) {
        blocks.unblock(caller.userId(), username);
    }
}
