package dev.parley.realtime.engine;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one socket's work one task at a time, in the order given, on a pool thread. Handlers must not
 * run on the transport's thread: for long-polling, engine.io-server 6.3.2 delivers a POST's packets
 * while holding that connection's lock, and a handler that broadcasts then waits for other
 * connections' locks, which their own handlers may hold while waiting for the adapter: a deadlock.
 */
public final class InOrder {
    private static final Logger LOG = Logger.getLogger(InOrder.class.getName());
    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(2); // one per socket: the default 16 slots idle
    private boolean running;

    public InOrder(Executor pool) {
        this.pool = pool;
    }

    public void run(Runnable task) {
        synchronized (tasks) {
            tasks.addLast(task);
            if (running) return;
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.pollFirst();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Socket task failed", e);
            }
        }
    }
}
