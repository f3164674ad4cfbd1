package dev.parley.accounts.boundary;

import dev.parley.Parley;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Directory;
import dev.parley.accounts.entity.DirectoryPage;
import dev.parley.accounts.entity.UserView;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.TooLarge;
import dev.parley.http.Caller;
import dev.parley.http.PageSize;
import dev.parley.http.ClientAddress;
import dev.parley.http.LoginSessionOnly;
import dev.parley.limits.boundary.SpendsReadBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

/** The caller's own account (who they are, their display name, their password, deleting it) and the people directory. */
@Path("users")
@RequestScoped
@RolesAllowed(Caller.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "users")
@SecurityRequirement(name = Parley.BEARER)
public class UsersResource {
    private static final PageSize PAGE = new PageSize(Directory.DEFAULT_LIMIT, Directory.MAX_LIMIT);

    private static final int MAX_DELETE_BODY = 64 * 1024;

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @Inject
    Directory directory;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    @GET
    @SpendsReadBudget
    @Operation(operationId = "directory", summary = "Find people by the start of their username or display name")
    @APIResponse(responseCode = "200", description = "The accounts found", content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public DirectoryPage directory(@Parameter(description = "The start of a username or display name (case-insensitive), 1 to 64 characters", example = "ka")
                                   @QueryParam("query") String query,
                                   @Parameter(description = "1 to 20, default 10", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                                   @QueryParam("limit") String limit) {
        return new DirectoryPage(directory.find(query, PAGE.of(limit)));
    }

    @GET
    @Path("me")
    @Operation(operationId = "me", summary = "The caller's own user")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(schema = @Schema(ref = "UserBody")))
    public Map<String, UserView> me() {
        return Map.of("user", accounts.byId(caller.userId()).view());
    }

    @PATCH
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeDisplayName", summary = "Change the caller's display name")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountChanges.DisplayName.class),
            examples = @ExampleObject(name = "displayName", value = "{\"displayName\": \"Alice Liddell\"}")))
    @APIResponse(responseCode = "200", description = "The changed user", content = @Content(schema = @Schema(ref = "UserBody")))
    public Map<String, UserView> rename(AccountChanges.DisplayName body) {
        InvalidPayload.requireBody(body);
        return Map.of("user", accounts.rename(caller.userId(), body.displayName()).view());
    }

    @LoginSessionOnly
    @PUT
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePassword", summary = "Change the caller's password")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountChanges.Password.class),
            examples = @ExampleObject(name = "password",
                    value = "{\"currentPassword\": \"correct horse\", \"newPassword\": \"battery staple\", \"endOtherSessions\": true}")))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void changePassword(AccountChanges.Password body) {
        InvalidPayload.requireBody(body);
        accounts.changePassword(caller.userId(), caller.sessionId(), body.currentPassword(), body.newPassword(),
                !Boolean.FALSE.equals(body.endOtherSessions()), clientAddress.of(request));
    }

    @LoginSessionOnly
    @DELETE
    @Path("me")
    @Operation(operationId = "deleteAccount", summary = "Delete the caller's account")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountChanges.Deletion.class),
            examples = @ExampleObject(name = "delete", value = "{\"password\": \"correct horse\"}")))
    @APIResponse(responseCode = "204", description = "Deleted")
    // Said here: the body is read by hand, so Payara's model of this operation may have no request body to derive it from.
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void delete() {
        accounts.delete(caller.userId(), password(), clientAddress.of(request));
    }

    /** The same as {@link #delete}, for clients and proxies that drop a DELETE's body (Payara needs a setting to read one). */
    @LoginSessionOnly
    @POST
    @Path("me/delete")
    @Operation(operationId = "deleteAccountByPost", summary = "Delete the caller's account (the same as DELETE /api/users/me)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountChanges.Deletion.class),
            examples = @ExampleObject(name = "delete", value = "{\"password\": \"correct horse\"}")))
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public void deleteByPost() {
        delete();
    }

    /**
     * Read from the request by hand: a DELETE (or the POST) often comes without a body or a Content-Type, which a
     * typed entity parameter answers with 415, and a String parameter goes to the JSON-B reader.
     */
    private String password() {
        JsonObject body;
        try {
            byte[] bytes = request.getInputStream().readNBytes(MAX_DELETE_BODY + 1);
            if (bytes.length > MAX_DELETE_BODY) throw new TooLarge("The body is too large");
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) return null;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                body = reader.readObject();
            }
        } catch (IOException | JsonException | ClassCastException e) {
            throw new InvalidPayload("The body must be a JSON object");
        }
        JsonValue password = body.get("password");
        if (password == null || password.getValueType() == JsonValue.ValueType.NULL) return null;
        if (password.getValueType() != JsonValue.ValueType.STRING) throw new InvalidPayload("password must be a string");
        return ((JsonString) password).getString();
    }
}
