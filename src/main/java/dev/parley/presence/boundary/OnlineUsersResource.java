package dev.parley.presence.boundary;

import dev.parley.Parley;
import dev.parley.presence.control.Presence;
import dev.parley.presence.entity.OnlineUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users/online")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class OnlineUsersResource {
    @Inject
    Presence presence;

    @GET
    @Operation(operationId = "onlineUsers", summary = "Who is online now",
            description = "Users with a connected socket, or within the grace period (5 s by default) after their last one went away, across the whole cluster.")
    @APIResponse(responseCode = "200", description = "The users online", content = @Content(schema = @Schema(ref = "OnlineUserList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<OnlineUser> online() {
        return presence.online();
    }
}
