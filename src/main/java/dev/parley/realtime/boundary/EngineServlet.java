package dev.parley.realtime.boundary;

import dev.parley.realtime.control.Engine;
import dev.parley.realtime.control.Handshake;
import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Engine.IO's HTTP long-polling transport. Two gaps of engine.io-server 6.3.2 are closed here:
 * a POST body is allocated at whatever size Content-Length claims, so bodies over {@code maxPayload}
 * (or of unknown length) are refused first; and the open packet lacks {@code maxPayload}, so the
 * handshake's response is rewritten to carry it.
 */
@WebServlet(urlPatterns = "/socket.io/*", asyncSupported = true)
public class EngineServlet extends HttpServlet {
    @Inject
    Engine engine;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod())) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(response, 411, "Content-Length required");
                return;
            }
            if (length > engine.maxPayload()) {
                refuse(response, 413, "Payload too large");
                return;
            }
        }
        if ("GET".equals(request.getMethod()) && request.getParameter("sid") == null) {
            handshake(request, response);
        } else {
            engine.transports().handleRequest(request, response);
        }
    }

    /** Answered synchronously into a buffer, so that the open packet can be rewritten before it leaves. */
    private void handshake(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var buffered = new BufferedResponse(response);
        engine.transports().handleRequest(new HttpServletRequestWrapper(request) {
            @Override
            public boolean isAsyncSupported() {
                return false;
            }
        }, buffered);
        byte[] body = buffered.body();
        String contentType = buffered.getContentType();
        if (contentType != null && contentType.startsWith("text/plain")) {
            body = Handshake.advertise(new String(body, StandardCharsets.UTF_8), engine.maxPayload())
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"code\":3,\"message\":\"" + message + "\"}");
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
