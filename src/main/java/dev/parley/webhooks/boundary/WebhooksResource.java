package dev.parley.webhooks.boundary;

import dev.parley.Parley;
import dev.parley.http.Caller;
import dev.parley.http.ClientAddress;
import dev.parley.limits.boundary.SpendsWriteBudget;
import dev.parley.webhooks.control.Webhooks;
import dev.parley.webhooks.entity.NewWebhook;
import dev.parley.webhooks.entity.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A room's incoming webhooks: its owner and moderators (server admins for {@code feed}) make, list and delete them. */
@Path("rooms/{name}/webhooks")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "rooms")
@SecurityRequirement(name = Parley.BEARER)
public class WebhooksResource {
    @Inject
    Caller caller;

    @Inject
    Webhooks webhooks;

    @Inject
    ClientAddress addresses;

    @Context
    HttpServletRequest request;

    @Schema(description = "The webhook to make")
    public record Naming(@Schema(description = "1 to 64 characters; its messages show it as `via`", example = "CI") String name) {
    }

    @SpendsWriteBudget
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Make an incoming webhook that posts into the room as you")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook",
            value = "{\"name\": \"CI\"}")))
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(implementation = NewWebhook.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response create(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name, Naming body) {
        NewWebhook made = webhooks.create(caller.userId(), name, body == null ? null : body.name(),
                (id, secret) -> HookUrls.of(request, addresses, id, secret));
        return Response.status(201).entity(made).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "A room's incoming webhooks (without their URLs)")
    @APIResponse(responseCode = "200", description = "The room's webhooks, oldest first")
    public List<WebhookView> list(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name) {
        return webhooks.list(caller.userId(), name);
    }

    @SpendsWriteBudget
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete an incoming webhook: its URL stops working at once")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void delete(@Parameter(description = "The room's name", example = "general") @PathParam("name") String name,
                       @Parameter(description = "The webhook's id", example = "7") @PathParam("id") String id) {
        webhooks.delete(caller.userId(), name, idOf(id));
    }

    /** Not a number: no webhook, answered {@code not_found} once access to the room is decided. */
    private static long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
