package dev.parley.sessions.boundary;

import dev.parley.Parley;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.Caller;
import dev.parley.http.LoginSessionOnly;
import dev.parley.sessions.control.AccessTokens;
import dev.parley.sessions.entity.AccessTokenView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own personal access tokens. The longer literal path wins {@code /api/users/me/tokens} from {@code accounts}' UsersResource. */
@Path("users/me/tokens")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@LoginSessionOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "tokens")
@SecurityRequirement(name = Parley.BEARER)
public class AccessTokensResource {
    @Inject
    Caller caller;

    @Inject
    AccessTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Make a personal access token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "token", value = "{\"name\": \"backup script\", \"expiresAt\": \"2027-01-31T12:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "The token, shown this once", content = @Content(schema = @Schema(implementation = NewToken.Issued.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(NewToken.Request body) {
        NewToken.Request r = InvalidPayload.requireBody(body);
        return Response.status(201).entity(NewToken.Issued.of(tokens.create(caller.userId(), r.name(), r.expiresAt()))).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "The caller's live personal access tokens")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccessTokenView.class)))
    public List<AccessTokenView> list() {
        return tokens.of(caller.userId()).stream().map(NewToken::info).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke one of the caller's personal access tokens")
    @APIResponse(responseCode = "204", description = "Refused everywhere from now on")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(caller.userId(), id);
    }
}
