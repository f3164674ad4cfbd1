package dev.parley.realtime.server;

import dev.parley.http.Origins;
import dev.parley.http.RequestHost;
import dev.parley.realtime.engine.BridgedWebSocket;
import dev.parley.realtime.engine.EngineIoInput;
import dev.parley.realtime.container.SocketOutputs;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket transport: upgrade requests to {@code /socket.io/} reach this endpoint, everything
 * else on the path reaches {@link EngineServlet}. Messages over {@code maxPayload} close the socket
 * (1009) before Engine.IO sees them.
 */
@ServerEndpoint(value = "/socket.io/", configurator = WebSocketBridge.Configurator.class)
public class WebSocketBridge {
    private static final String HEADERS = "parley.headers";

    private final SocketServer server;
    private BridgedWebSocket socket;

    WebSocketBridge(SocketServer server) {
        this.server = server;
    }

    /**
     * Two things per connection that would otherwise outlive the handshake. Headers: only
     * {@code Authorization} is kept for Engine.IO (the connect gate's fallback for the token); Tyrus
     * keeps the user property in the handshake's request and in the session for the socket's life, and
     * Engine.IO keeps the map as the connection's initial headers (about a kilobyte per idle socket).
     * Endpoint instances: Tyrus 2.1.5's CDI provider (tyrus-container-glassfish-cdi) builds an
     * injection target and a creational context per WebSocket and keeps them until it closes (its
     * static {@code cdiBeanToContext} map); an endpoint made here is a plain object.
     */
    public static class Configurator extends ServerEndpointConfig.Configurator {
        private volatile SocketServer server;
        private volatile Origins origins;

        /**
         * Tyrus asks this for every upgrade it matched to this endpoint, after decoding the path, so no
         * spelling of {@code /socket.io/} avoids it; false is a 403 and no upgrade. The Host to compare
         * with comes from the request's thread ({@link RequestHost}): JSR-356 passes the Origin alone.
         */
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            Origins o = origins;
            if (o == null) origins = o = CDI.current().select(Origins.class).get();
            return o.allows(originHeaderValue, RequestHost.current());
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                if ("authorization".equalsIgnoreCase(header.getKey())) {
                    config.getUserProperties().put(HEADERS, Map.of(header.getKey(), List.copyOf(header.getValue())));
                }
            }
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            if (endpointClass != WebSocketBridge.class) throw new InstantiationException(endpointClass.getName());
            SocketServer s = server;
            if (s == null) server = s = CDI.current().select(SocketServer.class).get();
            return endpointClass.cast(new WebSocketBridge(s));
        }
    }

    @OnOpen
    @SuppressWarnings("unchecked")
    public void open(Session session) throws IOException {
        int maxPayload = server.maxPayload();
        session.setMaxTextMessageBufferSize(maxPayload);
        session.setMaxBinaryMessageBufferSize(maxPayload);
        session.setMaxIdleTimeout(0); // Engine.IO's pings decide when a peer is gone
        var headers = (Map<String, List<String>>) session.getUserProperties().getOrDefault(HEADERS, Map.of());
        session.getUserProperties().remove(HEADERS);
        Map<String, String> query = EngineIoInput.query(session.getQueryString()).orElse(null);
        if (query == null || !EngineIoInput.supportedVersion(query)) {
            // UpgradeVersionFilter answers these 400 before the upgrade; this catches any that get past
            // it (JSR-356 lets the endpoint refuse an upgrade only by its Origin), unseen by the engine.
            SocketOutputs.opened(session);
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "Unsupported protocol version");
            return;
        }
        socket = server.openWebSocket(session, SocketOutputs.of(session), EngineIoInput.kept(query), headers);
        SocketOutputs.opened(session);
    }

    @OnMessage
    public void text(Session session, String message) throws IOException {
        if (socket == null) return; // refused at open
        if (message.length() > server.maxPayload()) {
            tooLarge(session);
        } else if (!EngineIoInput.wellFormedPacket(message)) {
            // The reference server closes a connection on a packet it cannot decode ("parse error").
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "parse error");
        } else {
            socket.emit("message", message);
        }
    }

    @OnMessage
    public void binary(Session session, byte[] message) throws IOException {
        if (socket == null) return; // refused at open
        if (message.length > server.maxPayload()) {
            tooLarge(session);
        } else {
            socket.emit("message", (Object) message);
        }
    }

    /** Tyrus 2.1.5 does not enforce the buffer sizes set on the session for whole messages: checked here. */
    private static void tooLarge(Session session) throws IOException {
        close(session, CloseReason.CloseCodes.TOO_BIG, "maxPayload exceeded");
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) throws IOException {
        session.close(new CloseReason(code, reason));
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        if (socket != null) socket.emit("close");
    }

    @OnError
    public void failed(Session session, Throwable error) {
        if (socket != null) socket.emit("error", "websocket error", error.getClass().getSimpleName());
    }
}
