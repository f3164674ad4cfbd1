package dev.parley.realtime.control;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what WebSockets have queued, off the threads that queued it: whoever sends (a broadcast to a
 * thousand sockets) only queues, and each socket's turn here writes everything it has queued by then
 * in one write. Under light load a frame leaves alone at once; under heavy load frames pile up while
 * the writer works through the other sockets, so writes per frame fall as load rises. One thread
 * suffices: a write hands bytes to the container's non-blocking output.
 */
final class Flusher {
    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());

    private final LinkedBlockingQueue<BridgedWebSocket> ready = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    Flusher(ThreadFactory threads) {
        thread = threads.newThread(this::run);
        thread.setName("parley-websocket-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The socket has frames queued and no write under way; each socket is in here at most once. */
    void schedule(BridgedWebSocket socket) {
        ready.add(socket);
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        while (!stopped) {
            try {
                ready.take().flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "WebSocket write failed", e);
            }
        }
    }
}
