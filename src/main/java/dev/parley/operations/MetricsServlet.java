package dev.parley.operations;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics} from {@link OwnMeters}, registered by {@link OperationsEndpoints} where the server has none. */
final class MetricsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;version=0.0.4;charset=UTF-8");
        response.getWriter().write(OwnMeters.INSTANCE.text());
    }
}
