package dev.parley.realtime.container;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.Writer;

/**
 * Lets go of the last large array a WebSocket wrote. Grizzly 4.0.2 (in Payara 6.2025.10) does not
 * copy a write larger than its output buffer (8 KB): {@code OutputBuffer.write(byte[], int, int)}
 * wraps the caller's array in the connection's {@code temporaryWriteBuffer} and keeps referring to it
 * after the write, until the next large write or the end of the HTTP response, which for an upgraded
 * connection is its close. So every idle socket kept the last large frame it was sent alive, most
 * often its own {@code ready}, which grows with the number of users online.
 *
 * <p>{@link #release} resets that buffer when the socket has nothing more to write, under the
 * writer's lock: {@code TyrusServletWriter.write} holds it for the whole write, and the buffer is
 * used only within a write (what Grizzly cannot send at once it copies first). Remove this class
 * when Grizzly drops the array after the write (its {@code TemporaryHeapBuffer} is recycled only
 * with the response).
 */
public final class HeldWrite {
    private static final Logger LOG = Logger.getLogger(HeldWrite.class.getName());
    private static volatile boolean unavailable;
    private static volatile Field temporary, heap;
    private static volatile Method recycle;

    private final Writer writer;
    private final Object buffer;

    private HeldWrite(Writer writer, Object buffer) {
        this.writer = writer;
        this.buffer = buffer;
    }

    /** The temporary buffer of the writer's output, once it has written; null if it cannot be had. */
    static HeldWrite of(Writer writer) {
        if (unavailable) return null;
        try {
            Object grizzly = TyrusAccess.grizzlyOutput(writer);
            if (temporary == null) temporary = TyrusAccess.field(grizzly.getClass(), "org.glassfish.grizzly.http.io.OutputBuffer", "temporaryWriteBuffer");
            Object buffer = temporary.get(grizzly);
            if (heap == null) heap = TyrusAccess.field(buffer.getClass(), "org.glassfish.grizzly.memory.HeapBuffer", "heap");
            if (recycle == null) {
                Method m = buffer.getClass().getDeclaredMethod("recycle");
                m.setAccessible(true);
                recycle = m;
            }
            return new HeldWrite(writer, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.WARNING, "Grizzly internals not as expected: idle WebSockets keep their last large frame", e);
            return null;
        }
    }

    /** Forgets the array of the last large write; call when the socket has nothing queued. */
    void release() {
        try {
            if (heap.get(buffer) == null) return;
            synchronized (writer) {
                recycle.invoke(buffer);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "could not release a WebSocket's last write", e);
        }
    }
}
