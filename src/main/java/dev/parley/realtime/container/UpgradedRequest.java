package dev.parley.realtime.container;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.Writer;

/**
 * Lets go of the query-string decoder's scratch buffers of a WebSocket's upgrade request. Grizzly
 * 4.0.2 (in Payara 6.2025.10) gives every request's {@code Parameters} two 1,024-character
 * {@code CharChunk}s ({@code tmpNameC}, {@code tmpValueC}), used only while the query string is
 * decoded; an upgraded connection keeps its HTTP request (its input and output are the request's
 * streams) until it closes, and with it 4.2 KB of scratch space per idle socket (bench/idle-heap.sh,
 * docs/performance.md). Their public {@code reset()} drops the array; a chunk allocates a new one on
 * its next append (as one made without a size does), should the pooled request be used again.
 * Remove when Grizzly allocates the scratch buffers on demand.
 */
final class UpgradedRequest {
    private static final Logger LOG = Logger.getLogger(UpgradedRequest.class.getName());
    private static volatile boolean unavailable;
    private static volatile Field serverResponse, nameScratch, valueScratch;
    private static volatile Method request, parameters, reset;

    private UpgradedRequest() {
    }

    /** Call once the writer has written (its output exists then). */
    static void trim(Writer writer) {
        if (unavailable) return;
        try {
            Object grizzlyOutput = TyrusAccess.grizzlyOutput(writer);
            if (serverResponse == null) serverResponse = TyrusAccess.field(grizzlyOutput.getClass(), "org.glassfish.grizzly.http.server.io.ServerOutputBuffer", "serverResponse");
            Object response = serverResponse.get(grizzlyOutput);
            if (request == null) request = response.getClass().getMethod("getRequest");
            Object req = request.invoke(response);
            if (parameters == null) parameters = req.getClass().getMethod("getParameters");
            Object params = parameters.invoke(req);
            if (nameScratch == null) nameScratch = TyrusAccess.field(params.getClass(), "org.glassfish.grizzly.http.util.Parameters", "tmpNameC");
            if (valueScratch == null) valueScratch = TyrusAccess.field(params.getClass(), "org.glassfish.grizzly.http.util.Parameters", "tmpValueC");
            Object name = nameScratch.get(params);
            if (reset == null) reset = name.getClass().getMethod("reset");
            reset.invoke(name);
            reset.invoke(valueScratch.get(params));
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.WARNING, "Grizzly internals not as expected: upgraded requests keep their scratch buffers", e);
        }
    }
}
