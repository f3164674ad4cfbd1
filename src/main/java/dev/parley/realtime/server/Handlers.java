package dev.parley.realtime.server;

import dev.parley.errors.DatabaseDown;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.ParleyException;
import dev.parley.errors.RateLimited;
import dev.parley.errors.Unavailable;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the application's event handlers for a socket: the contract's ack ({@code {ok, ...}} or
 * {@code {ok: false, error}}), an {@code error} event when the client asked for no ack, and every
 * unexpected exception logged and answered {@code internal}; the library's emitter would swallow it.
 *
 * <p>While a handler runs, its socket is the thread's current socket: what the handler's committed
 * changes cause on this thread (a broadcast, ending sessions) can leave that socket out, or defer
 * acting on it until after its ack has been sent.
 */
@ApplicationScoped
public class Handlers {
    private static final Logger LOG = Logger.getLogger(Handlers.class.getName());
    private static final ThreadLocal<Handling> CURRENT = new ThreadLocal<>();

    @Inject
    Connections connections;

    /** An event handler: the payload in, the ack's fields out. */
    @FunctionalInterface
    public interface Handler {
        Map<String, ?> handle(SocketCaller who, SocketIoSocket socket, Object payload);
    }

    private record Handling(SocketIoSocket socket, List<Runnable> afterAck) {
    }

    /** The handlers, by event, registered once for every socket. */
    private final Map<String, Handler> byEvent = new ConcurrentHashMap<>();

    /** Handles {@code event} on every socket, from now on. */
    public void on(String event, Handler handler) {
        byEvent.put(event, handler);
    }

    /**
     * Gives a new socket the handlers: one listener for all events, not one per event, since
     * socket.io-server 4.1.2 keeps a map, a queue and a listener per event and socket (kilobytes per
     * idle socket). An event without a handler is
     * refused {@code invalid_payload} when the client waits for an ack, so that its callback is not
     * left hanging; without an ack it is ignored, as the library ignores events without a listener.
     */
    public void attach(SocketIoSocket socket) {
        socket.registerAllEventListener((event, args) -> {
            Handler known = byEvent.get(event);
            Handler handler = known != null || ackOf(args) == null ? known : UNKNOWN_EVENT;
            if (handler != null) connections.inOrder(socket, () -> run(socket, event, handler, args));
        });
    }

    private static final Handler UNKNOWN_EVENT = (who, socket, payload) -> {
        throw new InvalidPayload("Unknown event");
    };

    private static SocketIoSocket.ReceivedByLocalAcknowledgementCallback ackOf(Object[] args) {
        return args.length > 0 && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback a ? a : null;
    }

    /** Runs {@code action} after the current handler's ack is sent; at once when no handler is running. */
    public static void afterAck(SocketIoSocket socket, Runnable action) {
        Handling handling = CURRENT.get();
        if (handling != null && handling.socket() == socket) {
            handling.afterAck().add(action);
        } else {
            action.run();
        }
    }

    private void run(SocketIoSocket socket, String event, Handler handler, Object[] args) {
        SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack = ackOf(args);
        Object payload = args.length > (ack == null ? 0 : 1) ? args[0] : null;
        Handling handling = new Handling(socket, new ArrayList<>());
        CURRENT.set(handling);
        try {
            SocketCaller who = connections.identityOf(socket);
            if (who == null) return; // the socket is already gone
            if (!connections.takeEvent(socket)) throw new RateLimited("Too many events; slow down");
            Map<String, ?> result = handler.handle(who, socket, payload);
            if (ack != null) ack.sendAcknowledgement(SocketWriter.ok(result));
        } catch (ParleyException e) {
            fail(socket, ack, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            Unavailable down = DatabaseDown.recognise(e);
            if (down != null) {
                fail(socket, ack, down.code(), down.getMessage());
            } else {
                LOG.log(Level.SEVERE, "Socket.IO handler for '" + event + "' failed", e);
                fail(socket, ack, ErrorCode.INTERNAL, "Something went wrong on the server");
            }
        } finally {
            CURRENT.remove();
            handling.afterAck().forEach(Runnable::run);
        }
    }

    private static void fail(SocketIoSocket socket, SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack,
                             ErrorCode code, String message) {
        if (ack != null) {
            ack.sendAcknowledgement(SocketWriter.failed(code, message));
        } else {
            SocketWriter.error(socket, code, message);
        }
    }
}
