package dev.parley.accounts.boundary;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.Credentials;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.ClientAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Register an account. It shares {@code /api/auth} with the session operations ({@code sessions}'
 * {@code LoginResource}); the longer literal path makes JAX-RS pick this class for {@code /api/auth/register}.
 */
@Path("auth/register")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "accounts")
public class RegisterResource {
    @Inject
    Accounts accounts;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Operation(operationId = "register", summary = "Create an account")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "register",
            value = "{\"username\": \"alice\", \"password\": \"correct horse\", \"displayName\": \"Alice\"}")))
    @APIResponse(responseCode = "201", description = "The new user", content = @Content(schema = @Schema(ref = "UserBody")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response register(Credentials body) {
        Credentials c = InvalidPayload.requireBody(body);
        User user = accounts.register(c.username(), c.password(), c.displayName(), clientAddress.of(request));
        return Response.status(201).entity(Map.of("user", user.view())).build();
    }
}
