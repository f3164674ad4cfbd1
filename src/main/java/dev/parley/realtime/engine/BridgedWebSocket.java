package dev.parley.realtime.engine;

import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSR-356 WebSocket as Engine.IO's transport. Frames are queued without blocking the sender (a
 * broadcast queues the same encoded {@link Frame} on every recipient) and written by the
 * {@link Flusher}, one write in flight per socket, through the container's {@link SocketOutput}: on
 * Payara all that a socket has queued leaves in one write, elsewhere one frame per JSR-356 send. A client that falls more than the bound
 * behind is disconnected, so one slow client cannot stall a room.
 */
public final class BridgedWebSocket extends EngineIoWebSocket implements Flusher.Queued {
    private static final Frame CLOSE = Frame.text("");
    private static final int MAX_WRITE = 64 * 1024; // bytes per write, so that one socket cannot hog the writer
    /**
     * How long a client cut for being slow keeps its connection: its close frame waits behind all it
     * did not read, so the container's idle timeout (the standard one; Engine.IO's pings keep it off
     * otherwise) ends the connection if the client reads nothing more (seen on Undertow: the close
     * frame never reached a stalled client). On Payara's fast path Tyrus's timer is off, so this
     * changes nothing there.
     */
    private static final long CUT_GRACE_MS = 2_000;

    private final Session session;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final int queueLimit;
    private final int maxPayload;
    private final Consumer<BridgedWebSocket> onOverflow;
    private final boolean blocking;
    private final Flusher flusher;
    private final SocketOutput output; // null when blocking
    private final SocketOutput.Completion writeDone = new SocketOutput.Completion() {
        @Override
        public void written() {
            BridgedWebSocket.this.written();
        }

        @Override
        public void failed(Throwable cause) {
            BridgedWebSocket.this.failed(cause);
        }
    };

    private final ArrayDeque<Frame> queue = new ArrayDeque<>(4); // grows with a burst; most sockets idle
    private boolean scheduled;
    private boolean writing;
    private boolean finished;
    private boolean opened;
    private long dueAt; // when the flusher is to write this socket (System.nanoTime), set as it is handed over

    /**
     * @param output   how frames reach the wire, as the container allows ({@code realtime/container})
     * @param blocking the stock bridge's synchronous sends instead ({@code PARLEY_SOCKET_SEND_MODE=blocking}),
     *                 kept only for the send-cost benchmark to measure against
     */
    public BridgedWebSocket(Session session, SocketOutput output, Map<String, String> query, Map<String, List<String>> headers,
                            int queueLimit, int maxPayload, boolean blocking, Flusher flusher,
                            Consumer<BridgedWebSocket> onOverflow) {
        this.session = session;
        this.query = query;
        this.headers = headers;
        this.queueLimit = queueLimit;
        this.maxPayload = maxPayload;
        this.blocking = blocking;
        this.flusher = flusher;
        this.onOverflow = onOverflow;
        this.output = blocking ? null : output;
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
        send(Frame.text(message));
    }

    @Override
    public void write(byte[] message) throws IOException {
        send(Frame.binary(message));
    }

    /** Closes once what is queued before it has been sent. */
    @Override
    public void close() {
        send(CLOSE);
    }

    /** Queues an encoded Engine.IO packet for the flusher. */
    void send(Frame frame) {
        if (queue(frame)) flusher.schedule(this);
    }

    /**
     * Queues an encoded Engine.IO packet (the same frame may be queued on many sockets); true when
     * the socket is now due to be handed to the flusher, which a broadcast does for all its sockets
     * at once ({@link Flusher#schedule(List)}).
     */
    boolean queue(Frame frame) {
        if (blocking) {
            sendBlocking(frame);
            return false;
        }
        boolean overflow = false;
        boolean schedule = false;
        synchronized (queue) {
            if (finished) return false;
            if (queue.size() >= queueLimit) {
                finished = true;
                queue.clear();
                overflow = true;
            } else {
                queue.addLast(frame);
                if (!scheduled && !writing) schedule = scheduled = true;
            }
        }
        if (overflow) {
            onOverflow.accept(this);
            try {
                session.setMaxIdleTimeout(CUT_GRACE_MS);
            } catch (RuntimeException closedAlready) {
                // nothing to time out
            }
            closeSession(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
        }
        return schedule;
    }

    /** On the flusher's thread: writes what is queued, up to a close, in one write. */
    @Override
    public void flush() {
        List<Frame> batch = new ArrayList<>();
        boolean close = false;
        int bytes = 0;
        synchronized (queue) {
            scheduled = false;
            if (finished || writing) return;
            Frame head = queue.peekFirst();
            if (head == CLOSE) {
                finished = close = true;
                queue.clear();
            } else {
                int max = output.batches() ? Integer.MAX_VALUE : 1;
                while (head != null && head != CLOSE && batch.size() < max && (batch.isEmpty() || bytes + wireLength(head) <= MAX_WRITE)) {
                    bytes += wireLength(queue.pollFirst());
                    batch.add(head);
                    head = queue.peekFirst();
                }
                writing = !batch.isEmpty();
            }
        }
        if (close) {
            closeSession(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
        } else if (!batch.isEmpty()) {
            flusher.counted(batch.size());
            try {
                output.write(batch, bytes, writeDone);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /** Whether frames queued meanwhile would share a write: only where the output batches. */
    @Override
    public boolean coalesces() {
        return output != null && output.batches();
    }

    @Override
    public long dueAt() {
        return dueAt;
    }

    @Override
    public void dueAt(long nanos) {
        dueAt = nanos;
    }

    private int wireLength(Frame frame) {
        return output.batches() ? frame.wire().length : 0;
    }

    /** A write completed (often inline): what was queued meanwhile waits for the socket's next turn. */
    private void written() {
        boolean schedule;
        synchronized (queue) {
            writing = false;
            schedule = !finished && !scheduled && !queue.isEmpty();
            if (schedule) scheduled = true;
        }
        if (schedule) flusher.schedule(this);
        else output.idle();
    }

    /**
     * The stock bridge's way, kept to measure against ({@code PARLEY_SOCKET_SEND_MODE=blocking}): each
     * frame written on the caller's thread, and the container's idle timer left as it is.
     */
    private void sendBlocking(Frame frame) {
        try {
            synchronized (queue) {
                if (finished) return;
                if (frame == CLOSE) {
                    finished = true;
                    closeSession(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
                } else if (frame.text != null) {
                    session.getBasicRemote().sendText(frame.text);
                } else {
                    session.getBasicRemote().sendBinary(ByteBuffer.wrap(frame.binary));
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
            writing = false;
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
