package dev.parley.realtime.container;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Deque;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Writes a WebSocket's frames straight to its socket channel while nothing else is pending on the
 * connection. A write through Tyrus's servlet writer passes Payara's and Grizzly's output buffers, a
 * flush and Grizzly's filter chain, which cost about as much again as the system call itself, once
 * per write; below saturation that is once per delivery (docs/performance.md, "The WebSocket
 * engine"). Whatever the kernel does not take at once goes on through Tyrus's writer, so Grizzly
 * queues it, waits for the socket to drain and completes the write; from then on writes take that
 * way until Grizzly's queue is empty again. Holding the writer's lock (Tyrus's writer synchronises
 * on itself) keeps Tyrus's own frames, a close or a pong, from coming between. Remove when Tyrus
 * writes batches itself (it implements neither {@code setBatchingAllowed} nor {@code flushBatch}).
 */
public final class DirectOutput {
    private final Writer writer;
    private final Deque<?> writerQueue;   // frames Tyrus's writer holds until the container is ready
    private final Object grizzlyQueue;
    private final Field grizzlyPending; // bytes in Grizzly's async write queue, written or being written
    private final SocketChannel channel;

    DirectOutput(Writer writer, Deque<?> writerQueue, Object grizzlyQueue, Field grizzlyPending, SocketChannel channel) {
        this.writer = writer;
        this.writerQueue = writerQueue;
        this.grizzlyQueue = grizzlyQueue;
        this.grizzlyPending = grizzlyPending;
        this.channel = channel;
    }

    /** Writes the buffer, completing {@code done} inline when the kernel took all of it. */
    void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> done) {
        boolean whole = false;
        IOException failure = null;
        synchronized (writer) {
            if (nothingPending()) {
                try {
                    channel.write(buffer);
                    whole = !buffer.hasRemaining();
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (!whole && failure == null) writer.write(buffer, done); // the rest, in order, Grizzly's way
        }
        if (failure != null) done.failed(failure);
        else if (whole) done.completed(buffer);
    }

    private boolean nothingPending() {
        try {
            return writerQueue.isEmpty() && grizzlyPending.getInt(grizzlyQueue) == 0;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
