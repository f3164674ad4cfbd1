package dev.parley.realtime.server;

import dev.parley.realtime.container.BrokenHeaders;
import dev.parley.realtime.engine.EngineIoInput;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A WebSocket upgrade to the engine that is not Engine.IO v4 (no {@code EIO=4}, or a query the
 * library cannot read) gets 400, as polling does in {@link EngineServlet}. JSR-356 lets the endpoint
 * refuse an upgrade only by its Origin (403), so this runs as a filter, before Tyrus's own, on every
 * request the container maps to the engine's path once it has decoded it; {@link WebSocketBridge}
 * closes any that still reach it.
 *
 * <p>A client that hangs up in the middle of its upgrade makes Tyrus's flush of the 101 throw, and the
 * container would log that with a stack trace per client (found by faults/MalformedFramesIT): the
 * peer is gone and nothing is left to answer, so it is one FINE line here. An upgrade whose headers
 * the container could not keep ({@link BrokenHeaders}) is bad input: 400.
 *
 * <p>An upgrade of a long-polling connection is announced to the engine here, before the container
 * answers it ({@code WebSockets#awaitUpgrade}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UpgradeVersionFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(UpgradeVersionFilter.class.getName());

    @Inject
    SocketServer server;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && EngineServlet.class.getName().equals(request.getHttpServletMapping().getServletName());
        if (!upgrade) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> query = EngineIoInput.query(request.getQueryString()).orElse(Map.of());
        if (!EngineIoInput.supportedVersion(query)) {
            response.setStatus(400);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
            return;
        }
        // Known from here, before the 101 (the WebSocket opens on another thread after it), so that a
        // polling GET sent after the upgrade packet cannot slip in before the engine sees the WebSocket.
        String upgrading = server.isOpen(query.get("sid")) ? query.get("sid") : null;
        if (upgrading != null) server.upgradeRequested(upgrading);
        try {
            chain.doFilter(request, response);
            if (upgrading != null && response.getStatus() != 101) server.upgradeRefused(upgrading);
        } catch (IOException peerGone) {
            if (upgrading != null) server.upgradeRefused(upgrading);
            LOG.fine(() -> "WebSocket upgrade abandoned by the client: " + peerGone.getMessage());
        } catch (RuntimeException failure) {
            if (upgrading != null) server.upgradeRefused(upgrading);
            if (!BrokenHeaders.is(failure)) throw failure;
            LOG.fine("WebSocket upgrade with malformed headers refused");
            if (!response.isCommitted()) response.sendError(400);
        }
    }
}
