package dev.parley.realtime.container;

import dev.parley.realtime.engine.SocketOutput;
import jakarta.websocket.Session;
import java.util.logging.Logger;

/**
 * Picks each WebSocket's {@link SocketOutput}, by what the container is, decided once: Tyrus's fast
 * path where Tyrus's SPI can be loaded (Payara), the plain JSR-356 path elsewhere or when Tyrus's
 * internals are not as measured. Nothing else in Parley names Tyrus or Grizzly.
 */
public final class SocketOutputs {
    private static final Logger LOG = Logger.getLogger(SocketOutputs.class.getName());
    private static final boolean TYRUS = loadable("org.glassfish.tyrus.spi.Writer");

    private SocketOutputs() {
    }

    public static SocketOutput of(Session session) {
        SocketOutput fast = TYRUS ? TyrusOutput.of(session) : null;
        return fast != null ? fast : new PlainOutput(session);
    }

    /** Call from {@code @OnOpen}, or later: lets go of what the container keeps of the handshake ({@link UpgradeLeftovers}). */
    public static void opened(Session session) {
        if (TYRUS) UpgradeLeftovers.drop(session);
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, SocketOutputs.class.getClassLoader());
            LOG.info("WebSockets: Tyrus's frame writer (batched writes)");
            CloseNoise.quiet();
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("WebSockets: plain JSR-356 sends (no Tyrus in this container)");
            return false;
        }
    }
}
