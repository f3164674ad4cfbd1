package dev.parley.sessions.boundary;

import dev.parley.Parley;
import dev.parley.http.Caller;
import dev.parley.http.LoginSessionOnly;
import dev.parley.sessions.control.ConnectedSessions;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import dev.parley.sessions.entity.SessionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own sessions (logins, not tokens): list them, end one, end all the others. */
@Path("sessions")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@LoginSessionOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "sessions")
@SecurityRequirement(name = Parley.BEARER)
public class SessionsResource {
    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    ConnectedSessions connections;

    @GET
    @Operation(operationId = "listSessions", summary = "The caller's live sessions")
    @APIResponse(responseCode = "200", description = "The sessions", content = @Content(schema = @Schema(ref = "SessionList")))
    public List<SessionView> list() {
        return sessions.live(caller.userId()).stream()
                .map(s -> SessionView.of(s, caller.sessionId(), connections.socketsOf(s.id())))
                .toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "endSession", summary = "End one of the caller's sessions and disconnect its sockets")
    @APIResponse(responseCode = "204", description = "The session has ended")
    public void end(@PathParam("id") String id) {
        EndReason reason = id.equals(caller.sessionId()) ? EndReason.LOGOUT : EndReason.REVOKED;
        sessions.end(caller.userId(), id, reason);
    }

    @POST
    @Path("terminate-others")
    @Operation(operationId = "terminateOtherSessions", summary = "End every other session of the caller")
    @APIResponse(responseCode = "200", description = "How many sessions ended", content = @Content(schema = @Schema(ref = "Terminated")))
    public Terminated terminateOthers() {
        return new Terminated(sessions.endOthers(caller.userId(), caller.sessionId()));
    }

    @Schema(description = "How many sessions were ended")
    public record Terminated(@Schema(type = SchemaType.INTEGER, format = "int32", example = "2") int terminated) {
    }
}
