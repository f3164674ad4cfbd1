package dev.parley.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception a REST call ends in, as the contract's error shape. Unexpected ones are logged, not shown. */
@Provider
public class RestErrors implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(RestErrors.class.getName());

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ParleyException e) {
            return respond(e.code().status(), ErrorBody.of(e));
        }
        if (failure instanceof ProcessingException && causedBy(failure, JsonbException.class)
                || causedBy(failure, jakarta.json.JsonException.class)) { // JSON-B's reader, or JSON-P's for a JsonObject body
            return respond(400, ErrorBody.of(ErrorCode.INVALID_PAYLOAD, "The body is not JSON of the expected shape"));
        }
        if (failure instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // RESTEasy (WildFly) refuses a @RolesAllowed call without a token as 403; Payara's container, 401.
            if (status == 403 && (security == null || security.getUserPrincipal() == null)) status = 401;
            return respond(status, ErrorBody.of(codeFor(status), messageFor(status)));
        }
        Unavailable down = DatabaseDown.recognise(failure);
        if (down != null) {
            return respond(down.code().status(), ErrorBody.of(down));
        }
        LOG.log(Level.SEVERE, "Unhandled failure in a REST call", failure);
        return respond(500, ErrorBody.internal());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    public static Response respond(int status, ErrorBody body) {
        var response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400, 405, 406, 415 -> ErrorCode.INVALID_PAYLOAD;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status < 500 ? ErrorCode.INVALID_PAYLOAD : ErrorCode.INTERNAL;
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "Not allowed";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed here";
            case 415 -> "Send JSON";
            case 400 -> "The request is malformed";
            default -> status < 500 ? "The request was refused" : "Something went wrong on the server";
        };
    }
}
