package dev.parley.support;

import java.util.Map;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * The contract's REST resources as MicroShed Testing client interfaces (see docs/testing.md#microshed-testing):
 * a test class annotated {@code @MicroShedTest} declares {@code @RESTClient public static Rest.Auth auth;} and
 * MicroShed injects a CXF proxy aimed at the server the build started ({@code microshed_hostname},
 * {@code microshed_http_port} from the failsafe configuration). MicroShed 0.9.2 is javax-based, so these
 * interfaces use the javax.ws.rs annotations: the server's own jakarta classes are never touched.
 *
 * <p>Every method answers the {@link Response}, so a test asserts the status, headers and the contract's error
 * body of a refusal as it does of a success (a typed return would throw on any non-2xx instead). Bodies go out
 * through MicroShed's JSON-B provider (a {@code Map} becomes a JSON object) and come back with
 * {@link #json(Response)}. The caller's token is a header parameter ({@link #bearer(String)}), not MicroShed's
 * {@code @JwtConfig}: that signs a token of its own making, which Parley rightly refuses; these tests need the
 * tokens Parley issued to each user. Malformed bodies (not JSON, none at all) cannot be written through a typed
 * client: those cases stay on {@link Api}.
 */
public final class Rest {
    private Rest() {
    }

    @Path("api/auth")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public interface Auth {
        @POST
        @Path("register")
        Response register(Map<String, String> body);

        @POST
        @Path("login")
        Response login(Map<String, String> credentials);

        @POST
        @Path("guest")
        Response guest(Map<String, String> body);

        @POST
        @Path("refresh")
        Response refresh(@HeaderParam("Authorization") String bearer);

        @POST
        @Path("logout")
        Response logout(@HeaderParam("Authorization") String bearer);

        @POST
        @Path("logout-all")
        Response logoutAll(@HeaderParam("Authorization") String bearer);
    }

    @Path("api/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public interface Sessions {
        @GET
        Response list(@HeaderParam("Authorization") String bearer);

        @DELETE
        @Path("{id}")
        Response end(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

        @POST
        @Path("terminate-others")
        Response terminateOthers(@HeaderParam("Authorization") String bearer);
    }

    @Path("api/users")
    @Produces(MediaType.APPLICATION_JSON)
    public interface Users {
        @GET
        @Path("me")
        Response me(@HeaderParam("Authorization") String bearer);
    }

    @Path("api/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public interface Rooms {
        @POST
        @Path("{room}/messages")
        Response post(@HeaderParam("Authorization") String bearer, @PathParam("room") String room, Map<String, String> body);
    }

    /** The {@code Authorization} value for a token; null (no header at all) for none. */
    public static String bearer(String token) {
        return token == null ? null : "Bearer " + token;
    }

    public static Map<String, String> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    public static JsonObject json(Response response) {
        return response.readEntity(JsonObject.class);
    }

    public static JsonArray array(Response response) {
        return response.readEntity(JsonArray.class);
    }

    /** The {@code error.code} of the contract's error body. */
    public static String errorCode(Response response) {
        return json(response).getJsonObject("error").getString("code");
    }
}
