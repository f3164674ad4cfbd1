package dev.parley.operations;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready} from Parley's MicroProfile
 * Health checks ({@link DatabaseHealth}), in the specification's JSON, 503 when any is down.
 * Registered by {@link OperationsEndpoints} where the server does not serve them on this port.
 */
final class HealthServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "" : request.getPathInfo();
        Annotation[] kinds = switch (which) {
            case "", "/" -> new Annotation[] {Liveness.Literal.INSTANCE, Readiness.Literal.INSTANCE};
            case "/live" -> new Annotation[] {Liveness.Literal.INSTANCE};
            case "/ready" -> new Annotation[] {Readiness.Literal.INSTANCE};
            default -> null;
        };
        if (kinds == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean up = true;
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (Annotation kind : kinds) {
            for (HealthCheck check : CDI.current().select(HealthCheck.class, kind)) {
                HealthCheckResponse result = check.call();
                boolean checkUp = result.getStatus() == HealthCheckResponse.Status.UP;
                up &= checkUp;
                checks.add(Json.createObjectBuilder().add("name", result.getName()).add("status", checkUp ? "UP" : "DOWN"));
            }
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks).build().toString());
    }
}
