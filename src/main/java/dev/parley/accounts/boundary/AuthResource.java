package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.sessions.boundary.Caller;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Register, log in (with a password or as a guest), refresh the token, log out. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    @PermitAll
    @Operation(summary = "Create an account; 409 if the name is taken")
    public Response register(Credentials body) {
        Credentials c = required(body);
        User user = accounts.register(c.username(), c.password(), c.displayName());
        return Response.status(201).entity(Map.of("user", user.view())).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Log in: a new session and its token; 401 for a wrong name or password alike, 429 after repeated failures")
    public LoginResponse login(Credentials body) {
        Credentials c = required(body);
        User user = accounts.authenticate(c.username(), c.password(), request.getRemoteAddr());
        return open(user);
    }

    @POST
    @Path("guest")
    @PermitAll
    @Operation(summary = "Log in by username only, as a throwaway guest; 403 when guest access is off")
    public LoginResponse guest(Credentials body) {
        return open(accounts.guest(required(body).username()));
    }

    @POST
    @Path("refresh")
    @RolesAllowed(Parley.USER_ROLE)
    @Operation(summary = "A new token for the same session")
    public LoginResponse refresh() {
        return LoginResponse.of(sessions.refresh(caller.sessionId()));
    }

    @POST
    @Path("logout")
    @RolesAllowed(Parley.USER_ROLE)
    @Operation(summary = "End the current session and disconnect its sockets")
    public void logout() {
        sessions.end(caller.userId(), caller.sessionId(), EndReason.LOGOUT);
    }

    @POST
    @Path("logout-all")
    @RolesAllowed(Parley.USER_ROLE)
    @Operation(summary = "End every session of the caller, this one included")
    public Map<String, Integer> logoutAll() {
        return Map.of("terminated", sessions.endAll(caller.userId(), EndReason.LOGOUT_ALL));
    }

    private LoginResponse open(User user) {
        return LoginResponse.of(sessions.open(user, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr()));
    }

    private static Credentials required(Credentials body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        return body;
    }
}
