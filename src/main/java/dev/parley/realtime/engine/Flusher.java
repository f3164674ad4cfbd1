package dev.parley.realtime.engine;

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
 * in one write. A write costs about as much as the rest of a frame's delivery, so frames share writes
 * when the writer is busy, as a network card moderates interrupts: a socket handed over while the
 * writer has been idle for half the delay is written at once (light load gets the latency of no
 * coalescing), one handed over while it has work or had some just before waits {@code delay} for
 * more frames to leave in the same write, so frames per write rise with load. (Idle for less than
 * half the delay still counts as busy: a writer that had only just caught up would otherwise write
 * the next broadcast a frame per write.) One thread suffices: a write hands bytes to a non-blocking socket.
 */
public final class Flusher {
    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());

    /** A socket with frames queued, as the writer sees it: an interface, so that this class does not import the socket's. */
    interface Queued {
        /** Whether frames queued meanwhile would share a write. */
        boolean coalesces();

        /** Writes what is queued, on the writer's thread. */
        void flush();

        /** When the writer is to write it (System.nanoTime), set as it is handed over. */
        long dueAt();

        void dueAt(long nanos);
    }

    private final ConcurrentLinkedQueue<Queued> ready = new ConcurrentLinkedQueue<>();
    private final long delayNanos;
    private final Thread thread;
    private final LongAdder writes = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private volatile boolean idle;
    private volatile long idleSince; // System.nanoTime when it last found nothing to do
    private volatile boolean stopped;

    public Flusher(ThreadFactory threads, long delayMicros) {
        this.delayNanos = TimeUnit.MICROSECONDS.toNanos(delayMicros);
        thread = threads.newThread(this::run);
        thread.setName("parley-websocket-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The socket has frames queued and no write under way; each socket is in here at most once. */
    void schedule(Queued socket) {
        // A socket whose output writes one frame per write (the plain JSR-356 path) is due at once:
        // waiting would share no write, only add latency, and a busy socket would fall behind its bound.
        socket.dueAt(socket.coalesces() ? due() : System.nanoTime());
        ready.add(socket);
        if (idle) LockSupport.unpark(thread);
    }

    /**
     * Sockets a broadcast has queued on, handed over together: waking the writer for each of a
     * thousand recipients cost a context switch apiece on a busy CPU (the writer preempts the
     * broadcaster, writes one frame, sleeps again).
     */
    void schedule(List<? extends Queued> sockets) {
        if (sockets.isEmpty()) return;
        long due = due();
        long now = System.nanoTime();
        for (Queued socket : sockets) socket.dueAt(socket.coalesces() ? due : now);
        ready.addAll(sockets);
        if (idle) LockSupport.unpark(thread);
    }

    /**
     * Now while the writer has been idle for half the delay, else after the delay. Due times stay in
     * queue order: only a writer with nothing queued is idle. (Two threads racing at the turn may put
     * a socket due now behind one due later; it then waits at most the delay.)
     */
    private long due() {
        long now = System.nanoTime();
        return idle && now - idleSince >= delayNanos / 2 ? now : now + delayNanos;
    }

    /** One write of {@code frameCount} frames. */
    void counted(int frameCount) {
        writes.increment();
        frames.add(frameCount);
    }

    public long writes() {
        return writes.sum();
    }

    public long frames() {
        return frames.sum();
    }

    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            Queued socket = ready.peek();
            if (socket == null) {
                idleSince = System.nanoTime();
                idle = true;
                if (ready.isEmpty() && !stopped) LockSupport.park(this);
                idle = false;
                continue;
            }
            long wait = socket.dueAt() - System.nanoTime();
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
