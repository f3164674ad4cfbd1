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

@Path("users/online")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class OnlineUsersResource {
    @Inject
    Presence presence;

    @GET
    @Operation(summary = "Who is online now: users with a connected socket, or within the grace period after their last one")
    public List<OnlineUser> online() {
        return presence.online();
    }
}
