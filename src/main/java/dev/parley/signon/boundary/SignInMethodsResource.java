package dev.parley.signon.boundary;

import dev.parley.accounts.control.Accounts;
import dev.parley.signon.control.SignOnSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the sign-in page offers: password login, guest login, sign-on (and the button's name). */
@Path("auth/methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "accounts")
public class SignInMethodsResource {
    @Inject
    Accounts accounts;

    @Inject
    SignOnSettings settings;

    @GET
    @PermitAll
    @Operation(operationId = "signInMethods", summary = "The ways to sign in that this server offers")
    @APIResponse(responseCode = "200", description = "{password, guest, oidc: {name} or null}")
    public JsonObject methods() {
        // JSON-P, not a record: JSON-B leaves a null out, and the contract shows oidc: null
        return Json.createObjectBuilder()
                .add("password", accounts.passwordLoginOn())
                .add("guest", accounts.guestAccessOn())
                .add("oidc", settings.on() ? Json.createObjectBuilder().add("name", settings.name()).build() : JsonValue.NULL)
                .build();
    }
}
