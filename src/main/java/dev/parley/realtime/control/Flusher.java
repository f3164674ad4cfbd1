package dev.parley.realtime.control;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what WebSockets have queued, off the threads that queued it: whoever sends (a broadcast to a
 * thousand sockets) only queues, and each socket's turn here writes everything it has queued by then
 * in one write. A socket's turn comes {@code delay} after its first frame was queued, so that frames
 * sent meanwhile leave in the same write: one write costs about as much as the frame's whole
 * delivery otherwise (docs/performance.md, "The WebSocket engine"). Under load frames pile up anyway
 * while the writer works through the other sockets, so writes per frame fall as load rises. One thread
 * suffices: a write hands bytes to a non-blocking socket.
 */
final class Flusher {
    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());

    private final ConcurrentLinkedQueue<BridgedWebSocket> ready = new ConcurrentLinkedQueue<>();
    private final long delayNanos;
    private final Thread thread;
    private final LongAdder writes = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private volatile boolean idle;
    private volatile boolean stopped;

    Flusher(ThreadFactory threads, long delayMicros) {
        this.delayNanos = TimeUnit.MICROSECONDS.toNanos(delayMicros);
        thread = threads.newThread(this::run);
        thread.setName("parley-websocket-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The socket has frames queued and no write under way; each socket is in here at most once. */
    void schedule(BridgedWebSocket socket) {
        socket.scheduledAt = System.nanoTime();
        ready.add(socket);
        if (idle) LockSupport.unpark(thread);
    }

    /**
     * Sockets a broadcast has queued on, handed over together: waking the writer for each of a
     * thousand recipients cost a context switch apiece on a busy CPU (the writer preempts the
     * broadcaster, writes one frame, sleeps again).
     */
    void schedule(List<BridgedWebSocket> sockets) {
        if (sockets.isEmpty()) return;
        long now = System.nanoTime();
        for (BridgedWebSocket socket : sockets) socket.scheduledAt = now;
        ready.addAll(sockets);
        if (idle) LockSupport.unpark(thread);
    }

    /** One write of {@code frameCount} frames. */
    void counted(int frameCount) {
        writes.increment();
        frames.add(frameCount);
    }

    long writes() {
        return writes.sum();
    }

    long frames() {
        return frames.sum();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            BridgedWebSocket socket = ready.peek();
            if (socket == null) {
                idle = true;
                if (ready.isEmpty() && !stopped) LockSupport.park(this);
                idle = false;
                continue;
            }
            long wait = socket.scheduledAt + delayNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // sockets are in the order they were scheduled: none is due before this one
                continue;
            }
            ready.poll();
            try {
                socket.flush();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "WebSocket write failed", e);
            }
        }
    }
}
