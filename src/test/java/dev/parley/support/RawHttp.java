package dev.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a plain socket, for what an HTTP client library will not send: a path
 * spelled exactly as given ({@code /%73ocket.io/}, {@code //socket.io/}, {@code /socket.io;x=1/}), a
 * WebSocket upgrade whose answer is only looked at, a Content-Length larger than the body sent.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    public static RawHttp server() {
        return new RawHttp(Server.url());
    }

    /** The status line's code, the headers (lower-case names) and as much of the body as came. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** GET {@code target} (sent as is) with these extra header lines ({@code "Origin: ..."}). */
    public Response get(String target, String... headers) {
        return send("GET", target, headers, null, false);
    }

    /** A WebSocket upgrade of {@code target}: 101 when the server upgrades; the connection is then dropped. */
    public Response upgrade(String target, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Upgrade: websocket";
        all[1] = "Connection: Upgrade";
        all[2] = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
        all[3] = "Sec-WebSocket-Version: 13";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send("GET", target, all, null, true);
    }

    /** POST with a body sent in full, as {@code Content-Length}. */
    public Response post(String target, byte[] body, String... headers) {
        return send("POST", target, headers, body, false);
    }

    /**
     * Sends {@code method target} with {@code headers}, then {@code body} (if any) as far as the server
     * reads it: a server that answers early and stops reading does not make this fail.
     */
    public Response send(String method, String target, String[] headers, byte[] body, boolean headOnly) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
            for (String header : headers) head.append(header).append("\r\n");
            if (!headOnly) head.append("Connection: close\r\n");
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null) out.write(body);
                out.flush();
            } catch (IOException stoppedReading) {
                // the server answered (413, say) and closed: its answer is still there to read
            }
            return read(socket.getInputStream(), headOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in, boolean headOnly) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        int interim = 0; // where the final response starts: after any 100 Continue before it (101 is final)
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
                String sofar = bytes.toString(StandardCharsets.ISO_8859_1);
                while (true) {
                    headEnd = sofar.indexOf("\r\n\r\n", interim);
                    if (headEnd < 0 || !sofar.startsWith("HTTP/1.1 100 ", interim)) break;
                    interim = headEnd + 4;
                }
                if (headEnd >= 0 && (headOnly || complete(sofar.substring(interim), headEnd - interim))) break;
            }
        } catch (SocketTimeoutException | java.net.SocketException cut) {
            if (bytes.size() <= interim) throw cut;
        }
        String text = new String(bytes.toByteArray(), interim, bytes.size() - interim, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }

    /** Whether the body announced by Content-Length has arrived (without one: wait for the close). */
    private static boolean complete(String sofar, int headEnd) {
        for (String line : sofar.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).strip());
                return sofar.getBytes(StandardCharsets.ISO_8859_1).length - headEnd - 4 >= length;
            }
        }
        return false;
    }
}
