package dev.parley.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for allowed origins only, and a foreign Origin refused outright on the Socket.IO path
 * (WebSocket handshakes included). Engine.IO's own CORS handling is off: as shipped it echoes any
 * Origin with credentials.
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
        boolean socketIo = request.getRequestURI().startsWith(request.getContextPath() + "/socket.io/");
        if (!allowed && socketIo) {
            response.setStatus(403);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":4,\"message\":\"Origin not allowed\"}");
            return;
        }
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
        chain.doFilter(request, response);
    }
}
