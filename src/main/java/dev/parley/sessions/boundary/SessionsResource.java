package dev.parley.sessions.boundary;

import dev.parley.Parley;
import dev.parley.realtime.control.Connections;
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

/** The caller's own sessions: list them, end one, end all the others. */
@Path("sessions")
@RequestScoped
@RolesAllowed(Parley.USER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {
    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    Connections connections;

    @GET
    @Operation(summary = "The caller's live sessions, current: true on the caller's own")
    public List<SessionView> list() {
        return sessions.live(caller.userId()).stream()
                .map(s -> SessionView.of(s, caller.sessionId(), connections.countOf(s.id())))
                .toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End one of the caller's sessions and disconnect its sockets",
            description = "Its sockets are told `revoked`, or `logout` when it is the caller's own session. 404 for anyone else's.")
    public void end(@PathParam("id") String id) {
        EndReason reason = id.equals(caller.sessionId()) ? EndReason.LOGOUT : EndReason.REVOKED;
        sessions.end(caller.userId(), id, reason);
    }

    @POST
    @Path("terminate-others")
    @Operation(summary = "End every other session of the caller")
    public Terminated terminateOthers() {
        return new Terminated(sessions.endOthers(caller.userId(), caller.sessionId()));
    }

    public record Terminated(int terminated) {
    }
}
