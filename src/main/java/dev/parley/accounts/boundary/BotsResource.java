package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Bots;
import dev.parley.accounts.entity.UserView;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.Caller;
import dev.parley.http.LoginSessionOnly;
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
import java.util.Map;
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

/** The caller's bot accounts. Their tokens are the sessions component's ({@code BotTokensResource}). */
@Path("bots")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@LoginSessionOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "tokens")
@SecurityRequirement(name = Parley.BEARER)
public class BotsResource {
    @Inject
    Caller caller;

    @Inject
    Bots bots;

    @Schema(name = "NewBot", description = "A bot's username (the rules of registering) and display name")
    public record NewBot(@Schema(example = "weatherbot") String username, @Schema(example = "Weather") String displayName) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBot", summary = "Make a bot account owned by the caller")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "bot", value = "{\"username\": \"weatherbot\", \"displayName\": \"Weather\"}")))
    @APIResponse(responseCode = "201", description = "The bot", content = @Content(schema = @Schema(ref = "UserBody")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(NewBot body) {
        NewBot b = InvalidPayload.requireBody(body);
        return Response.status(201).entity(Map.of("user", bots.create(caller.userId(), b.username(), b.displayName()).view())).build();
    }

    @GET
    @Operation(operationId = "listBots", summary = "The caller's bots")
    @APIResponse(responseCode = "200", description = "The bots",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UserView.class)))
    public List<UserView> list() {
        return bots.of(caller.userId()).stream().map(u -> u.view()).toList();
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "deleteBot", summary = "Delete one of the caller's bots, like an account deletion")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = "The bot", example = "weatherbot") @PathParam("username") String username) {
        bots.delete(caller.userId(), username);
    }
}
