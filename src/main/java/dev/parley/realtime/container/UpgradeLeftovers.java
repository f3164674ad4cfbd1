package dev.parley.realtime.container;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go of the WebSocket handshake's request and response. Tyrus 2.1.5's servlet upgrade handler
 * ({@code TyrusHttpUpgradeHandler}) keeps its {@code upgradeInfo} (the handshake's
 * {@code RequestContext} with a copy of every header and the parameter map, and the 101 response
 * with its headers) for the connection's life, though only its {@code init} uses it, to create the
 * connection: 1.6 KB per idle socket (bench/idle-heap.sh). The endpoint's {@code @OnOpen} runs
 * within that call, so from there on the field can be cleared. Remove when Tyrus drops it after
 * {@code init}.
 */
public final class UpgradeLeftovers {
    private static final Logger LOG = Logger.getLogger(UpgradeLeftovers.class.getName());
    private static final String HANDLER = "org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler";
    private static volatile boolean unavailable;
    private static volatile Field writerHandler, proxiedHandler, upgradeInfo;

    private UpgradeLeftovers() {
    }

    /** Call from {@code @OnOpen}, or later. */
    static void drop(Session session) {
        if (unavailable) return;
        try {
            Object writer = TyrusAccess.frameWriter(session).orElse(null);
            if (writer == null) return;
            if (writerHandler == null) writerHandler = TyrusAccess.field(writer.getClass(), "org.glassfish.tyrus.servlet.TyrusServletWriter", "tyrusHttpUpgradeHandler");
            Object handler = writerHandler.get(writer);
            if (handler.getClass().getName().equals("org.glassfish.tyrus.servlet.TyrusServletUpgrade$TyrusHttpUpgradeHandlerProxy")) {
                if (proxiedHandler == null) proxiedHandler = TyrusAccess.field(handler.getClass(), handler.getClass().getName(), "handler");
                handler = proxiedHandler.get(handler);
            }
            if (upgradeInfo == null) upgradeInfo = TyrusAccess.field(handler.getClass(), HANDLER, "upgradeInfo");
            upgradeInfo.set(handler, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.WARNING, "Tyrus internals not as expected: WebSockets keep their handshake's request", e);
        }
    }
}
