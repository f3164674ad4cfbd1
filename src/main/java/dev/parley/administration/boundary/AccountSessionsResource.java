package dev.parley.administration.boundary;

import dev.parley.Parley;
import dev.parley.administration.control.SessionTermination;
import dev.parley.administration.entity.Terminated;
import dev.parley.http.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An account's sessions, as a server admin ends them. Its own class at a longer literal path than
 * accounts' {@code admin/users/{username}}: JAX-RS matches one root class per request, the one with
 * the most literal characters, so a sub-path there would never reach a method here.
 */
@Path("admin/users/{username}/sessions")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = Parley.BEARER)
public class AccountSessionsResource {
    @Inject
    Caller caller;

    @Inject
    SessionTermination termination;

    @POST
    @Path("terminate")
    @Operation(operationId = "terminateUserSessions", summary = "End every session and token of an account (server admins only)")
    @APIResponse(responseCode = "200", description = "How many ended", content = @Content(schema = @Schema(implementation = Terminated.class)))
    public Terminated terminate(@Parameter(description = "The account whose sessions end", example = "mallory") @PathParam("username") String username) {
        return new Terminated(termination.terminate(caller.userId(), username));
    }
}
