package dev.parley.realtime.engine;

import java.util.List;

/**
 * How a {@link BridgedWebSocket}'s queued frames reach the wire: the one seam between the engine and
 * the servlet container's WebSocket implementation. {@link BridgedWebSocket} keeps every guarantee
 * itself, on either side of it (a bounded queue per socket, a slow client cut at the bound, frames
 * in order, one write in flight, no sender ever blocked); an output only writes what it is handed
 * and says when it is done. Chosen per socket by {@link SocketOutputs}: {@link TyrusOutput} where
 * Payara's Tyrus is as measured, {@link PlainOutput} (any JSR-356 container: Undertow on WildFly)
 * everywhere else. docs/architecture.md, "Container seams", says what each gains.
 */
public interface SocketOutput {
    /** Whether one write may carry many frames (as their encoded bytes); false: one frame per write. */
    boolean batches();

    /**
     * Starts writing the frames (one, unless {@link #batches()}; {@code bytes} is the sum of their
     * encoded lengths then) without blocking, and tells {@code done} when they are written, often inline.
     */
    void write(List<Frame> batch, int bytes, Completion done);

    /** The socket has nothing queued: a chance to let go of what the last write held. */
    default void idle() {
    }

    /** The end of one write. */
    interface Completion {
        void written();

        void failed(Throwable cause);
    }
}
