package dev.parley.realtime.container;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.Writer;

/**
 * The places where Parley reaches into Tyrus 2.1.5 (the WebSocket implementation inside Payara
 * 6.2025.10), each falling back to plain JSR-356 when the internals are not as expected. Both are
 * measured costs with no public way around them (docs/performance.md, "The WebSocket engine").
 *
 * <ol>
 * <li>Idle timer: {@code TyrusSession.restartIdleTimeoutExecutor} schedules a task on every send,
 * even with {@code setMaxIdleTimeout(0)} (the task then runs at once and does nothing), on Payara's
 * managed scheduled executor, which captures the caller's context each time (HK2 look-ups and a
 * ServiceLoader scan: Tyrus issue 787, not fixed in this Tyrus). The session's executor is used only
 * for that timer and for Tyrus's heartbeat, both of which Parley leaves off (Engine.IO's ping/pong
 * finds dead peers), so it is replaced by one that schedules nothing. Remove once Payara ships a Tyrus
 * that skips the timer when the idle timeout is off.</li>
 * <li>Frame writer: Tyrus writes every frame with its own write and flush (one syscall each) and does
 * not implement {@code RemoteEndpoint.setBatchingAllowed}. {@link BridgedWebSocket} hands Tyrus's
 * {@link Writer} (the servlet upgrade connection's output) whole runs of already-encoded frames in one
 * write. Remove when Tyrus implements batching.</li>
 * <li>Back-pressure: see {@link #capContainerQueue}.</li>
 * <li>Grizzly's per-write cost: see {@link DirectOutput}.</li>
 * </ol>
 */
public final class TyrusAccess {
    private static final Logger LOG = Logger.getLogger(TyrusAccess.class.getName());
    private static final ScheduledExecutorService NO_TIMERS = new NoTimers();
    private static volatile Field sessionExecutor;
    private static volatile Field endpointSocket;
    private static volatile Field socketProtocol;
    private static volatile Field protocolWriter;
    private static volatile Field writerStream;
    private static volatile Field streamBuffer;
    private static volatile Field grizzlyBuffer;
    private static volatile Field grizzlyConnection;
    private static volatile Field writerQueue;
    private static volatile Field queuedBytes;

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

    /** The writer Tyrus writes this session's frames with, if it can be had. */
    static Optional<Writer> frameWriter(Session session) {
        try {
            Object remote = session.getAsyncRemote();
            if (endpointSocket == null) endpointSocket = field(remote.getClass(), "org.glassfish.tyrus.core.TyrusRemoteEndpoint", "webSocket");
            Object socket = endpointSocket.get(remote);
            if (socketProtocol == null) socketProtocol = field(socket.getClass(), "org.glassfish.tyrus.core.TyrusWebSocket", "protocolHandler");
            Object protocol = socketProtocol.get(socket);
            if (protocolWriter == null) protocolWriter = field(protocol.getClass(), "org.glassfish.tyrus.core.ProtocolHandler", "writer");
            return Optional.ofNullable((Writer) protocolWriter.get(protocol));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Tyrus internals not as expected: WebSockets use one JSR-356 send per frame", e);
            return Optional.empty();
        }
    }

    /**
     * Grizzly's HTTP output buffer under Tyrus's writer, once the writer has written (its output
     * stream is set by its first write): Tyrus's writer's output stream, Payara's output buffer, Grizzly's.
     */
    static Object grizzlyOutput(Writer writer) throws ReflectiveOperationException {
        if (writerStream == null) writerStream = field(writer.getClass(), "org.glassfish.tyrus.servlet.TyrusServletWriter", "servletOutputStream");
        Object output = writerStream.get(writer);
        if (output == null) throw new IllegalStateException("nothing written yet");
        if (streamBuffer == null) streamBuffer = field(output.getClass(), "org.apache.catalina.connector.CoyoteOutputStream", "ob");
        Object buffer = streamBuffer.get(output);
        if (grizzlyBuffer == null) grizzlyBuffer = field(buffer.getClass(), "org.apache.catalina.connector.OutputBuffer", "grizzlyOutputBuffer");
        return grizzlyBuffer.get(buffer);
    }

    /** The Grizzly connection under Tyrus's writer, once the writer has written. */
    private static Object grizzlyConnection(Writer writer) throws ReflectiveOperationException {
        Object grizzly = grizzlyOutput(writer);
        if (grizzlyConnection == null) grizzlyConnection = field(grizzly.getClass(), "org.glassfish.grizzly.http.io.OutputBuffer", "connection");
        return grizzlyConnection.get(grizzly);
    }

    /**
     * Caps the bytes the container may hold for this WebSocket beyond what the kernel took: Payara's
     * Grizzly leaves the per-connection async write queue unbounded, so its output never reports
     * "not ready" and a client that stops reading grows server memory without end. With a cap,
     * Tyrus's writer sees the output not ready, holds the write, and {@link BridgedWebSocket}'s bound
     * takes over. Grizzly's own {@code Connection.setMaxAsyncWriteQueueSize} is public; reaching the
     * connection from the servlet upgrade is not.
     */
    static boolean capContainerQueue(Writer writer, int bytes) {
        try {
            Object connection = grizzlyConnection(writer);
            Class<?> api = Class.forName("org.glassfish.grizzly.Connection", false, connection.getClass().getClassLoader());
            api.getMethod("setMaxAsyncWriteQueueSize", int.class).invoke(connection, bytes);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara internals not as expected: no cap on the container's write queue", e);
            return false;
        }
    }

    /**
     * A way around Grizzly's per-write cost for a plain (not TLS) WebSocket: see {@link DirectOutput}.
     * Empty when the internals are not as measured, or the connection is not a plain TCP one.
     */
    static Optional<DirectOutput> directOutput(Writer writer) {
        try {
            Object connection = grizzlyConnection(writer);
            Class<?> nio = Class.forName("org.glassfish.grizzly.nio.NIOConnection", false, connection.getClass().getClassLoader());
            if (!nio.isInstance(connection)) throw new IllegalStateException("not an NIO connection: " + connection.getClass().getName());
            if (!(nio.getMethod("getChannel").invoke(connection) instanceof SocketChannel channel)) {
                throw new IllegalStateException("not a socket channel");
            }
            Object writeQueue = nio.getMethod("getAsyncWriteQueue").invoke(connection);
            if (queuedBytes == null) queuedBytes = field(writeQueue.getClass(), "org.glassfish.grizzly.asyncqueue.TaskQueue", "spaceInBytes");
            if (writerQueue == null) writerQueue = field(writer.getClass(), "org.glassfish.tyrus.servlet.TyrusServletWriter", "queue");
            return Optional.of(new DirectOutput(writer, (Deque<?>) writerQueue.get(writer), writeQueue, queuedBytes, channel));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara internals not as expected: WebSocket writes go through Grizzly's filter chain", e);
            return Optional.empty();
        }
    }

    /** The named field of {@code declaringClass}, found among the classes of {@code type}, made accessible. */
    static Field field(Class<?> type, String declaringClass, String name) throws NoSuchFieldException {
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
