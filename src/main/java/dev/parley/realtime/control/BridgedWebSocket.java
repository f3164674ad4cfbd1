package dev.parley.realtime.control;

import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One JSR-356 WebSocket as Engine.IO's transport, sending without blocking the caller through a
 * bounded queue with one send in flight; a client that falls more than the bound behind is
 * disconnected, so one slow client cannot stall a broadcast.
 *
 * <p>Tyrus's per-send idle-timer rescheduling is switched off at its cause ({@link TyrusAccess}). Each
 * send still runs with the platform class loader as the thread's context loader: measured, it still
 * paid (55.4 against 65.7 µs of server CPU per delivery without it, bench/send-cost.sh).
 */
public final class BridgedWebSocket extends EngineIoWebSocket {
    private static final Object CLOSE = new Object();

    private final Session session;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final int queueLimit;
    private final int maxPayload;
    private final Consumer<BridgedWebSocket> onOverflow;
    private final boolean blocking;

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean finished;
    private boolean opened;

    public BridgedWebSocket(Session session, Map<String, String> query, Map<String, List<String>> headers,
                            int queueLimit, int maxPayload, boolean blocking, Consumer<BridgedWebSocket> onOverflow) {
        this.blocking = blocking;
        this.session = session;
        this.query = query;
        this.headers = headers;
        this.queueLimit = queueLimit;
        this.maxPayload = maxPayload;
        this.onOverflow = onOverflow;
        if (!blocking) TyrusAccess.idleTimerOff(session);
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) throws IOException {
        if (!opened) { // the first frame is the open packet
            opened = true;
            message = Handshake.advertise(message, maxPayload);
        }
        enqueue(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        enqueue(message);
    }

    /** Closes once what is queued before it has been sent. */
    @Override
    public void close() {
        enqueue(CLOSE);
    }

    private void enqueue(Object frame) {
        if (blocking) {
            sendBlocking(frame);
            return;
        }
        boolean overflow = false;
        synchronized (queue) {
            if (finished) return;
            if (queue.size() >= queueLimit) {
                finished = true;
                queue.clear();
                overflow = true;
            } else {
                queue.addLast(frame);
                if (sending) return;
                sending = true;
            }
        }
        if (overflow) {
            onOverflow.accept(this);
            closeSession(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
        } else {
            drain();
        }
    }

    /** Sends queued frames one after another; whoever sees a send complete second carries on. */
    private void drain() {
        while (true) {
            Object frame;
            synchronized (queue) {
                frame = queue.pollFirst();
                if (frame == null || finished) {
                    sending = false;
                    return;
                }
                if (frame == CLOSE) {
                    finished = true;
                    queue.clear();
                }
            }
            if (frame == CLOSE) {
                closeSession(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
                return;
            }
            AtomicBoolean handedOver = new AtomicBoolean();
            send(frame, result -> {
                if (!result.isOK()) {
                    failed(result.getException());
                } else if (!handedOver.compareAndSet(false, true)) {
                    drain(); // the send completed after send() returned: this callback continues
                }
            });
            if (handedOver.compareAndSet(false, true)) return; // still in flight: its callback continues
        }
    }

    private void send(Object frame, SendHandler done) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            if (frame instanceof String text) {
                session.getAsyncRemote().sendText(text, done);
            } else {
                session.getAsyncRemote().sendBinary(ByteBuffer.wrap((byte[]) frame), done);
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The stock bridge's way, kept to measure against ({@code PARLEY_SOCKET_SEND_MODE=blocking}): each
     * frame written on the caller's thread, with the caller's context class loader.
     */
    private void sendBlocking(Object frame) {
        try {
            synchronized (queue) {
                if (finished) return;
                if (frame == CLOSE) {
                    finished = true;
                    closeSession(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
                } else if (frame instanceof String text) {
                    session.getBasicRemote().sendText(text);
                } else {
                    session.getBasicRemote().sendBinary(ByteBuffer.wrap((byte[]) frame));
                }
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable cause) {
        synchronized (queue) {
            finished = true;
            queue.clear();
            sending = false;
        }
        emit("error", "write error", cause == null ? "send failed" : cause.getClass().getSimpleName());
    }

    private void closeSession(CloseReason reason) {
        try {
            if (session.isOpen()) session.close(reason);
        } catch (IOException | IllegalStateException alreadyClosed) {
            // the peer is gone already; onClose tells the engine
        }
    }
}
