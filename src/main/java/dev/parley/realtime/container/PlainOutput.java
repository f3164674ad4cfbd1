package dev.parley.realtime.container;

import dev.parley.realtime.engine.Frame;
import dev.parley.realtime.engine.SocketOutput;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Frames through the standard JSR-356 asynchronous send, one frame per send: what any container
 * offers (Undertow on WildFly; Tyrus on Payara should its internals change). The send returns at
 * once and completes when the container has written the frame; {@link BridgedWebSocket} starts the
 * next only then, so a client that stops reading leaves the send pending and its queue fills to the
 * bound, where it is cut, as on the fast path. What it costs: one container write (and flush, and
 * system call) per frame where the Tyrus path makes one per batch (docs/performance.md).
 */
public final class PlainOutput implements SocketOutput {
    private final Session session;

    PlainOutput(Session session) {
        this.session = session;
    }

    @Override
    public boolean batches() {
        return false;
    }

    @Override
    public void write(List<Frame> batch, int bytes, Completion done) {
        Frame frame = batch.get(0);
        SendHandler handler = result -> {
            if (result.isOK()) done.written();
            else done.failed(result.getException());
        };
        if (frame.text != null) session.getAsyncRemote().sendText(frame.text, handler);
        else session.getAsyncRemote().sendBinary(ByteBuffer.wrap(frame.binary), handler);
    }
}
