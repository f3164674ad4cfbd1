package dev.parley.realtime.server;

import dev.parley.http.Origins;
import dev.parley.realtime.engine.ClientCloses;
import dev.parley.realtime.engine.EngineIoInput;
import dev.parley.realtime.engine.Handshake;
import jakarta.inject.Inject;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Engine.IO's HTTP long-polling transport. Gaps of engine.io-server 6.3.2 are closed here: a POST
 * body is allocated at whatever size Content-Length claims, so bodies over {@code maxPayload} (or of
 * unknown length) are refused first; input the library would throw on is refused as a bad request
 * ({@link EngineIoInput}); and the open packet lacks {@code maxPayload}, so the handshake's response
 * is rewritten to carry it. A client's close that overtook its own waiting GET ({@link ClientCloses})
 * and a GET racing its connection's upgrade ({@code SocketServer#awaitUpgrade}) are answered as the
 * reference server answers them.
 *
 * <p>The Origin is checked here, on every request the container maps to this servlet, whatever
 * spelling of the path reached it ({@code //socket.io/}, {@code /%73ocket.io/}, {@code /socket.io;x=1/}).
 */
@WebServlet(urlPatterns = "/socket.io/*", asyncSupported = true)
public class EngineServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(EngineServlet.class.getName());

    @Inject
    SocketServer server;

    @Inject
    Origins origins;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!origins.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
            refuse(response, 403, 4, "Origin not allowed");
            return;
        }
        Map<String, String> query = EngineIoInput.query(request.getQueryString()).orElse(null);
        if (query == null) {
            refuse(response, 400, 3, "Bad request");
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
            // Polling is GET and POST. The reference server answers a handshake by another method 400,
            // and the library a POST one; the library answers any other method on a session with a bare
            // 500, for a fault that is the client's.
            if (query.containsKey("sid")) refuse(response, 400, 3, "Bad request");
            else refuse(response, 400, 2, "Bad handshake method");
            return;
        }
        if (!EngineIoInput.supportedVersion(query)) {
            refuse(response, 400, 5, "Unsupported protocol version");
            return;
        }
        if (query.containsKey("j")) { // JSONP polling is not part of Engine.IO v4
            refuse(response, 400, 3, "Bad request");
            return;
        }
        boolean closing = false; // a POST with the client's close packet
        if ("POST".equals(request.getMethod())) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(response, 411, 3, "Content-Length required");
                return;
            }
            if (length > server.maxPayload()) {
                refuse(response, 413, 3, "Payload too large");
                return;
            }
            if (query.containsKey("sid")) {
                byte[] body = request.getInputStream().readNBytes((int) length);
                if (body.length != length || !EngineIoInput.wellFormedPayload(new String(body, StandardCharsets.UTF_8))) {
                    refuse(response, 400, 3, "Bad request");
                    return;
                }
                request = new ReadBody(request, body);
                closing = EngineIoInput.closes(new String(body, StandardCharsets.UTF_8)) && server.isOpen(query.get("sid"));
            }
        }
        String sid = query.get("sid");
        ClientCloses closes = server.clientCloses();
        if ("GET".equals(request.getMethod()) && sid == null) {
            handshake(request, response);
        } else if ("GET".equals(request.getMethod()) && closes.overtaken(sid)) {
            writeNoop(response);
        } else {
            try {
                if (closing) closes.closing(sid);
                if ("GET".equals(request.getMethod())) {
                    server.awaitUpgrade(sid);
                    response = new PollAnswer(response, () -> closes.answered(sid));
                }
                server.transports().handleRequest(request, response);
                if (closing && server.isOpen(sid)) closes.answered(sid); // not closed after all (a transport mismatch)
                if ("GET".equals(request.getMethod()) && request.isAsyncStarted() && !server.isOpen(sid)) {
                    closes.answered(sid);
                    answerClosed(request, response);
                }
            } catch (RuntimeException e) {
                // The library throws on some misuse it detects itself: a second GET while one is pending
                // ("overlap from client") closes the connection, as the reference server does, and then
                // fails on the response it has just answered. The reference server answers 400. Remove
                // when engine.io-server answers an overlapping GET itself.
                LOG.warning(() -> "Engine.IO polling request refused: " + e); // one line, no trace; never the sid
                if (!response.isCommitted()) {
                    response.resetBuffer();
                    refuse(response, 400, 3, "Bad request");
                }
            }
        }
    }

    /** Answered synchronously into a buffer, so that the open packet can be rewritten before it leaves. */
    private void handshake(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var buffered = new BufferedResponse(response);
        server.transports().handleRequest(new HttpServletRequestWrapper(request) {
            @Override
            public boolean isAsyncSupported() {
                return false;
            }
        }, buffered);
        byte[] body = buffered.body();
        String contentType = buffered.getContentType();
        if (contentType != null && contentType.startsWith("text/plain")) {
            body = Handshake.advertise(new String(body, StandardCharsets.UTF_8), server.maxPayload())
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * A long-poll GET left pending on a connection that closed while it waited for the transport (a
     * race in engine.io-server 6.3.2, see {@link SocketServer#isOpen}; found by faults/MalformedFramesIT):
     * answered with a noop, as the library answers the GET that was pending when the close came.
     * Remove when the library answers it itself.
     */
    private static void answerClosed(HttpServletRequest request, HttpServletResponse response) {
        try {
            writeNoop(response);
            request.getAsyncContext().complete();
        } catch (IOException | IllegalStateException answeredMeanwhile) {
            // the close reached this GET after all (a ping timeout, say): it has its answer
        }
    }

    private static void writeNoop(HttpServletResponse response) throws IOException {
        byte[] noop = "6".getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; charset=UTF-8");
        response.setContentLength(noop.length);
        response.getOutputStream().write(noop);
    }

    /** A polling GET's response, which tells {@link ClientCloses} when the engine answers it. */
    private static final class PollAnswer extends HttpServletResponseWrapper {
        private final Runnable answered;

        PollAnswer(HttpServletResponse response, Runnable answered) {
            super(response);
            this.answered = answered;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            answered.run();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            answered.run();
            return super.getWriter();
        }
    }

    /** In Engine.IO's own error shape; {@code code} is its error number (3 bad request, 4 forbidden, 5 unsupported version). */
    private static void refuse(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    /** A POST whose body has been read (and checked) here: the library reads it again from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new IllegalStateException("read synchronously"); }
            };
        }
    }

    private static final class BufferedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) writer.flush();
            return bytes.toByteArray();
        }

        @Override
        public void setContentLength(int length) {
            // set once the body is final
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override public void write(int b) { bytes.write(b); }
                @Override public void write(byte[] b, int off, int len) { bytes.write(b, off, len); }
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener listener) { }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(bytes, false, StandardCharsets.UTF_8);
            return writer;
        }
    }
}
