package dev.parley.signon.boundary;

import dev.parley.errors.InvalidPayload;
import dev.parley.http.ClientAddress;
import dev.parley.signon.control.BackChannelLogout;
import dev.parley.signon.control.Identities;
import dev.parley.signon.control.SignOn;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-on through the organisation's OpenID Connect provider ({@code /api/auth/oidc}): the browser's
 * way there and back, the page's exchange of the one-time code for a session, and the provider's
 * back-channel logout.
 */
@Path("auth/oidc")
@RequestScoped
@Tag(ref = "accounts")
public class SignOnResource {
    /**
     * Binds a sign-in to the browser that started it (against login CSRF: a callback with someone
     * else's state and code). Sent only to this path; Lax, so that the provider's redirect carries it.
     */
    static final String BROWSER_COOKIE = "parley_signin";
    static final String COOKIE_PATH = "/api/auth/oidc";

    @Inject
    SignOn signOn;

    @Inject
    Identities identities;

    @Inject
    BackChannelLogout backChannel;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @GET
    @Path("start")
    @PermitAll
    @Operation(operationId = "signOnStart", summary = "Go to the identity provider to sign in (a browser navigates here)")
    @APIResponse(responseCode = "302", description = "To the provider's login page")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response start(@QueryParam("returnTo") String returnTo) {
        SignOn.Start start;
        try {
            start = signOn.start(returnTo, serverBase());
        } catch (dev.parley.errors.Unavailable down) {
            return redirect(here("/#signin-error=" + SignOn.Failure.UNAVAILABLE.wire()), null);
        }
        return redirect(start.location(), cookie(start.browserSecret(), 600));
    }

    @GET
    @Path("callback")
    @PermitAll
    @Operation(operationId = "signOnCallback", summary = "The provider sends the browser back here")
    @APIResponse(responseCode = "302", description = "To returnTo#code=..., or to /#signin-error=REASON (state, provider, token, unavailable), handing out nothing")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error, @CookieParam(BROWSER_COOKIE) String browser) {
        SignOn.Outcome outcome = signOn.callback(state, code, error, browser);
        return redirect(here(outcome.location()), outcome.spent() ? cookie("", 0) : null);
    }

    @POST
    @Path("exchange")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signOnExchange", summary = "Trade the one-time code from the callback for a session")
    @APIResponse(responseCode = "200", description = "Logged in, as login answers")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public SignOnLogin exchange(HandoverBody body) {
        HandoverBody b = InvalidPayload.requireBody(body);
        return SignOnLogin.of(identities.redeem(b.code(), request.getHeader(HttpHeaders.USER_AGENT), clientAddress.of(request)));
    }

    @POST
    @Path("backchannel-logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signOnBackChannelLogout", summary = "The provider ends a person's sessions (OpenID Connect Back-Channel Logout 1.0)")
    @APIResponse(responseCode = "200", description = "Their sessions have ended, their sockets are cut")
    @APIResponse(responseCode = "400", ref = "InvalidPayload")
    public Response backChannelLogout(@FormParam("logout_token") String logoutToken) {
        backChannel.logOut(logoutToken);
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    /**
     * A path on this server as an absolute URI: JAX-RS resolves a relative Location against the
     * application's base ({@code /api/}), and RESTEasy (WildFly) does so even for one that starts with {@code /}.
     */
    private URI here(String path) {
        return URI.create(serverBase() + path);
    }

    /** This server as the browser reached it: the callback address is built on it. */
    private String serverBase() {
        String scheme = request.isSecure() ? "https" : request.getScheme();
        String host = request.getHeader("Host");
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) host = request.getServerName() + ":" + request.getServerPort();
        return scheme + "://" + host;
    }

    private String cookie(String value, int maxAge) {
        return BROWSER_COOKIE + "=" + value + "; Path=" + COOKIE_PATH + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() || "https".equals(request.getHeader("X-Forwarded-Proto")) ? "; Secure" : "");
    }

    private static Response redirect(URI location, String cookie) {
        Response.ResponseBuilder found = Response.status(Response.Status.FOUND).location(location)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        if (cookie != null) found.header("Set-Cookie", cookie);
        return found.build();
    }
}
