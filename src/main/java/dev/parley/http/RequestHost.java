package dev.parley.http;

import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * The {@code Host} header of the HTTP request this thread is serving, for the WebSocket endpoint's
 * origin check: JSR-356 hands {@code ServerEndpointConfig.Configurator.checkOrigin} the Origin alone,
 * and the server's own origin is the Host the browser sent. Tyrus 2.1.5 runs the handshake, that check
 * included, on the request's thread inside the servlet filter chain, after {@link OriginFilter}.
 */
public final class RequestHost {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestHost() {
    }

    /** The Host of the request being served on this thread; null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    @FunctionalInterface
    interface Serving {
        void serve() throws IOException, ServletException;
    }

    static void during(String host, Serving serving) throws IOException, ServletException {
        CURRENT.set(host);
        try {
            serving.serve();
        } finally {
            CURRENT.remove();
        }
    }
}
