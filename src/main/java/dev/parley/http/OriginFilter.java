package dev.parley.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for allowed origins only. Engine.IO's own CORS handling is off: as shipped it echoes any
 * Origin with credentials. A foreign Origin on Socket.IO is refused where the container has decoded
 * and matched the path (EngineServlet, and the WebSocket endpoint's checkOrigin, which reads the
 * Host recorded here): a prefix test on the raw URI let {@code /%73ocket.io/}, {@code //socket.io/}
 * and {@code /socket.io;x=1/} through.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OriginFilter extends HttpFilter {
    @Inject
    Origins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origins.allows(origin, request.getHeader("Host"));
        if (origin != null && allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Vary", "Origin");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
                response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(204);
                return;
            }
        }
        RequestHost.during(request.getHeader("Host"), () -> chain.doFilter(request, response));
    }
}
