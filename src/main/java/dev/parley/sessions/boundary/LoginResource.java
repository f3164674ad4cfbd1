package dev.parley.sessions.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.Credentials;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.Caller;
import dev.parley.http.ClientAddress;
import dev.parley.http.LoginSessionOnly;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Log in (with a password or as a guest), refresh the token, log out: the session operations under
 * {@code /api/auth}. Registering, an account operation, is {@code accounts}' {@code RegisterResource}.
 */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "accounts")
public class LoginResource {
    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    Caller caller;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @PermitAll
    @Operation(operationId = "login", summary = "Log in: a new session and its token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "login",
            value = "{\"username\": \"alice\", \"password\": \"correct horse\"}")))
    @APIResponse(responseCode = "200", description = "Logged in", content = @Content(schema = @Schema(ref = "LoginResponse")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public LoginResponse login(Credentials body) {
        Credentials c = InvalidPayload.requireBody(body);
        User user = accounts.authenticate(c.username(), c.password(), clientAddress.of(request));
        return open(user);
    }

    @POST
    @Path("guest")
    @PermitAll
    @Operation(operationId = "guest", summary = "Log in by username only, as a throwaway guest")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "guest", value = "{\"username\": \"visitor42\"}")))
    @APIResponse(responseCode = "200", description = "Logged in as a guest", content = @Content(schema = @Schema(ref = "LoginResponse")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public LoginResponse guest(Credentials body) {
        Credentials c = InvalidPayload.requireBody(body);
        return open(accounts.guest(c.username(), clientAddress.of(request)));
    }

    @POST
    @Path("refresh")
    @RolesAllowed(Caller.ROLE)
    @LoginSessionOnly
    @Operation(operationId = "refresh", summary = "A new token for the same session")
    @SecurityRequirement(name = Parley.BEARER)
    @APIResponse(responseCode = "200", description = "A fresh token", content = @Content(schema = @Schema(ref = "LoginResponse")))
    public LoginResponse refresh() {
        return LoginResponse.of(sessions.refresh(caller.sessionId()));
    }

    @POST
    @Path("logout")
    @RolesAllowed(Caller.ROLE)
    @LoginSessionOnly
    @Operation(operationId = "logout", summary = "End the current session and disconnect its sockets")
    @SecurityRequirement(name = Parley.BEARER)
    @APIResponse(responseCode = "204", description = "The session has ended")
    public void logout() {
        sessions.end(caller.userId(), caller.sessionId(), EndReason.LOGOUT);
    }

    @POST
    @Path("logout-all")
    @RolesAllowed(Caller.ROLE)
    @LoginSessionOnly
    @Operation(operationId = "logoutAll", summary = "End every session of the caller, this one included")
    @SecurityRequirement(name = Parley.BEARER)
    @APIResponse(responseCode = "200", description = "How many sessions ended",
            content = @Content(schema = @Schema(ref = "Terminated")))
    public Map<String, Integer> logoutAll() {
        return Map.of("terminated", sessions.endAll(caller.userId(), EndReason.LOGOUT_ALL));
    }

    private LoginResponse open(User user) {
        return LoginResponse.of(sessions.open(user, request.getHeader(HttpHeaders.USER_AGENT), clientAddress.of(request)));
    }
}
