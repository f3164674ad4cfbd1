package dev.parley.realtime.container;

import dev.parley.realtime.engine.Frame;
import dev.parley.realtime.engine.SocketOutput;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.List;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Payara's fast path: whole runs of already-encoded frames in one write through Tyrus's frame writer
 * ({@link TyrusAccess}), straight to the socket channel while nothing is pending ({@link DirectOutput}),
 * with the container's own write queue capped and the last large write let go when idle
 * ({@link HeldWrite}), as are the upgrade request's scratch buffers ({@link UpgradedRequest}). Loaded only where Tyrus is ({@link SocketOutputs}); each part falls back to
 * the one before it when Payara's internals are not as measured.
 */
public final class TyrusOutput implements SocketOutput {
    private static final int CONTAINER_QUEUE = 128 * 1024; // bytes the container may hold beyond the kernel

    private final Session session;
    private final Writer writer;
    private volatile boolean capped;
    private volatile DirectOutput direct; // set after the first write; null: Tyrus's writer only
    private volatile HeldWrite heldWrite;

    private TyrusOutput(Session session, Writer writer) {
        this.session = session;
        this.writer = writer;
    }

    /** Null when this Tyrus is not the one measured, or the socket negotiated an extension (frames written past Tyrus would skip it). */
    static SocketOutput of(Session session) {
        if (!TyrusAccess.idleTimerOff(session) || !session.getNegotiatedExtensions().isEmpty()) return null;
        Writer writer = TyrusAccess.frameWriter(session).orElse(null);
        return writer == null ? null : new TyrusOutput(session, writer);
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public void write(List<Frame> batch, int bytes, Completion done) {
        ByteBuffer buffer;
        if (batch.size() == 1) {
            buffer = ByteBuffer.wrap(batch.get(0).wire());
        } else {
            buffer = ByteBuffer.allocate(bytes);
            for (Frame frame : batch) buffer.put(frame.wire());
            buffer.flip();
        }
        CompletionHandler<ByteBuffer> handler = new CompletionHandler<>() {
            @Override
            public void completed(ByteBuffer result) {
                firstWritten();
                done.written();
            }

            @Override
            public void failed(Throwable cause) {
                done.failed(cause);
            }
        };
        DirectOutput d = direct;
        if (d != null) d.write(buffer, handler);
        else writer.write(buffer, handler);
    }

    /** The writer's output exists once it has written: what needs it is set up then. */
    private void firstWritten() {
        if (capped) return;
        capped = true;
        TyrusAccess.capContainerQueue(writer, CONTAINER_QUEUE);
        if (!session.isSecure()) direct = TyrusAccess.directOutput(writer).orElse(null); // TLS is Grizzly's to do
        heldWrite = HeldWrite.of(writer);
        UpgradedRequest.trim(writer);
    }

    @Override
    public void idle() {
        HeldWrite held = heldWrite;
        if (held != null) held.release(); // Grizzly may still hold the last large frame
    }
}
