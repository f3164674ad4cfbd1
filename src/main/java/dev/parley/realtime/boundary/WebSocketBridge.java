package dev.parley.realtime.boundary;

import dev.parley.realtime.control.BridgedWebSocket;
import dev.parley.realtime.control.Engine;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.inject.Inject;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The WebSocket transport: upgrade requests to {@code /socket.io/} reach this endpoint, everything
 * else on the path reaches {@link EngineServlet}. Messages over {@code maxPayload} close the socket
 * (1009) before Engine.IO sees them.
 */
@ServerEndpoint(value = "/socket.io/", configurator = WebSocketBridge.Headers.class)
public class WebSocketBridge {
    private static final String HEADERS = "parley.headers";

    @Inject
    Engine engine;

    @Inject
    @ConfigProperty(name = "parley.socket.send-queue-limit")
    int sendQueueLimit;

    /** {@code queued} (the default) or {@code blocking}, the stock bridge's way, kept only to measure against. */
    @Inject
    @ConfigProperty(name = "parley.socket.send-mode")
    String sendMode;

    @Inject
    @Metric(name = "parley_slow_client_disconnects", absolute = true,
            description = "WebSockets cut off because their send queue was full")
    Counter slowClients;

    private BridgedWebSocket socket;

    /** Keeps the handshake's headers for Engine.IO; Tyrus copies user properties per connection. */
    public static class Headers extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put(HEADERS, new HashMap<>(request.getHeaders()));
        }
    }

    @OnOpen
    @SuppressWarnings("unchecked")
    public void open(Session session) {
        int maxPayload = engine.maxPayload();
        session.setMaxTextMessageBufferSize(maxPayload);
        session.setMaxBinaryMessageBufferSize(maxPayload);
        session.setMaxIdleTimeout(0); // Engine.IO's pings decide when a peer is gone
        var headers = (Map<String, List<String>>) session.getUserProperties().getOrDefault(HEADERS, Map.of());
        socket = engine.openWebSocket(session, ParseQS.decode(session.getQueryString()), headers,
                sendQueueLimit, "blocking".equals(sendMode), slow -> slowClients.inc());
    }

    @OnMessage
    public void text(Session session, String message) throws IOException {
        if (message.length() > engine.maxPayload()) {
            tooLarge(session);
        } else {
            socket.emit("message", message);
        }
    }

    @OnMessage
    public void binary(Session session, byte[] message) throws IOException {
        if (message.length > engine.maxPayload()) {
            tooLarge(session);
        } else {
            socket.emit("message", (Object) message);
        }
    }

    /** Tyrus 2.1.5 does not enforce the buffer sizes set on the session for whole messages: checked here. */
    private static void tooLarge(Session session) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "maxPayload exceeded"));
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
