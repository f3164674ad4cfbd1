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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tokens of one of the caller's bots (the bots themselves are {@code accounts}' BotsResource). The bot's
 * name is a parameter of each method: Payara's OpenAPI fails on a documented path parameter field.
 */
@Path("bots/{username}/tokens")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@LoginSessionOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "tokens")
@SecurityRequirement(name = Parley.BEARER)
public class BotTokensResource {
    @Inject
    Caller caller;

    @Inject
    AccessTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBotToken", summary = "Make a token for one of the caller's bots")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "token", value = "{\"name\": \"weather feed\"}")))
    @APIResponse(responseCode = "201", description = "The token, shown this once", content = @Content(schema = @Schema(implementation = NewToken.Issued.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response create(@Parameter(description = "One of the caller's bots", example = "weatherbot") @PathParam("username") String bot,
                           NewToken.Request body) {
        NewToken.Request r = InvalidPayload.requireBody(body);
        return Response.status(201).entity(NewToken.Issued.of(tokens.createForBot(caller.userId(), bot, r.name(), r.expiresAt()))).build();
    }

    @GET
    @Operation(operationId = "listBotTokens", summary = "The live tokens of one of the caller's bots")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccessTokenView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AccessTokenView> list(@Parameter(description = "One of the caller's bots", example = "weatherbot") @PathParam("username") String bot) {
        return tokens.ofBot(caller.userId(), bot).stream().map(NewToken::info).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeBotToken", summary = "Revoke a token of one of the caller's bots")
    @APIResponse(responseCode = "204", description = "Refused everywhere from now on")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@Parameter(description = "One of the caller's bots", example = "weatherbot") @PathParam("username") String bot,
                       @PathParam("id") String id) {
        tokens.revokeForBot(caller.userId(), bot, id);
    }
}
