package dev.parley.realtime.control;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Parley reaches into Tyrus 2.1.5 (the WebSocket implementation inside Payara 6.2025.10),
 * falling back to plain JSR-356 when the internals are not as expected.
 *
 * <p>Idle timer: {@code TyrusSession.restartIdleTimeoutExecutor} schedules a task on every send,
 * even with {@code setMaxIdleTimeout(0)} (the task then runs at once and does nothing), on Payara's
 * managed scheduled executor, which captures the caller's context each time (HK2 look-ups and a
 * ServiceLoader scan: Tyrus issue 787, not fixed in this Tyrus). The session's executor is used only
 * for that timer and for Tyrus's heartbeat, both of which Parley leaves off (Engine.IO's ping/pong
 * finds dead peers), so it is replaced by one that schedules nothing. Remove once Payara ships a Tyrus
 * that skips the timer when the idle timeout is off.
 */
final class TyrusAccess {
    private static final Logger LOG = Logger.getLogger(TyrusAccess.class.getName());
    private static final ScheduledExecutorService NO_TIMERS = new NoTimers();
    private static volatile Field sessionExecutor;

    private TyrusAccess() {
    }

    /** Stops Tyrus's per-send idle-timer scheduling for this session; false if this Tyrus is not the one measured. */
    static boolean idleTimerOff(Session session) {
        try {
            session.setMaxIdleTimeout(0);
            if (sessionExecutor == null) sessionExecutor = field(session.getClass(), "org.glassfish.tyrus.core.TyrusSession", "service");
            sessionExecutor.set(session, NO_TIMERS);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Tyrus internals not as expected: its idle timer stays on", e);
            return false;
        }
    }

    /** The named field of {@code declaringClass}, found among the classes of {@code type}. */
    private static Field field(Class<?> type, String declaringClass, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(declaringClass)) {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            }
        }
        throw new NoSuchFieldException(declaringClass + "." + name + " in " + type.getName());
    }

    /** Runs nothing: what Tyrus schedules on it is a timer Parley keeps off. */
    private static final class NoTimers extends AbstractExecutorService implements ScheduledExecutorService {
        private static final ScheduledFuture<Object> NEVER = new Never();

        @Override
        @SuppressWarnings("unchecked")
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return NEVER;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return (ScheduledFuture<V>) NEVER;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return NEVER;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return NEVER;
        }

        @Override
        public void execute(Runnable command) {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }

    private static final class Never implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
